CREATE TABLE lsif (id int);
