# Planning models: plan tree, the product migrator's view, window analysis, simulation timeline.
target_sources(passlane_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/plantreemodel.h ${CMAKE_CURRENT_LIST_DIR}/plantreemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/productmigratormodel.h ${CMAKE_CURRENT_LIST_DIR}/productmigratormodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/windowanalysismodel.h ${CMAKE_CURRENT_LIST_DIR}/windowanalysismodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.h ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.cpp)
