target_sources(passlane_models PRIVATE ${CMAKE_CURRENT_LIST_DIR}/placeholder.cpp)
