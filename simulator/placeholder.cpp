// Replaced as the simulator lands.
