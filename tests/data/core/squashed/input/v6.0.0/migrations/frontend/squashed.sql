-- dump
CREATE TABLE a (id int);
