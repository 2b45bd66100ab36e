# Browse models: releases, findings.
target_sources(passlane_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/releasetablemodel.h ${CMAKE_CURRENT_LIST_DIR}/releasetablemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findingsmodel.h ${CMAKE_CURRENT_LIST_DIR}/findingsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findingsfiltermodel.h ${CMAKE_CURRENT_LIST_DIR}/findingsfiltermodel.cpp)
