# Browse side of the GUI: main window, document, releases/findings docks, graph view.
target_sources(passlane_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/mainwindow.h ${CMAKE_CURRENT_LIST_DIR}/mainwindow.cpp
    ${CMAKE_SOURCE_DIR}/forms/mainwindow.ui
    ${CMAKE_CURRENT_LIST_DIR}/document/document.h ${CMAKE_CURRENT_LIST_DIR}/document/document.cpp
    ${CMAKE_CURRENT_LIST_DIR}/document/documentcommands.h ${CMAKE_CURRENT_LIST_DIR}/document/documentcommands.cpp)
