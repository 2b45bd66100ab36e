# Browse/main-window GUI tests
