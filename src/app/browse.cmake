target_sources(passlane_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/mainwindow.h ${CMAKE_CURRENT_LIST_DIR}/mainwindow.cpp
    ${CMAKE_SOURCE_DIR}/forms/mainwindow.ui)
