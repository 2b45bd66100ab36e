# Planning views: OOB lanes, planner, simulation, report export.
target_sources(passlane_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/lanes/lanesview.h ${CMAKE_CURRENT_LIST_DIR}/lanes/lanesview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/planner/plannerview.h ${CMAKE_CURRENT_LIST_DIR}/planner/plannerview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/simulation/simulationview.h ${CMAKE_CURRENT_LIST_DIR}/simulation/simulationview.cpp)
