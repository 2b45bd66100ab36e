# Planning GUI tests
