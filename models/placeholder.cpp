// Replaced as the models land.
