# Planning views: target_sources(passlane_gui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/<dir>/<file>)
