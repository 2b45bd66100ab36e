# Planning views: OOB lanes, planner, simulation, report export.
set(_pl ${CMAKE_CURRENT_LIST_DIR})
target_sources(passlane_gui PRIVATE
    ${_pl}/lanes/laneaxis.h
    ${_pl}/lanes/laneitem.h ${_pl}/lanes/laneitem.cpp
    ${_pl}/lanes/lanehandleitem.h ${_pl}/lanes/lanehandleitem.cpp
    ${_pl}/lanes/stoplineitem.h ${_pl}/lanes/stoplineitem.cpp
    ${_pl}/lanes/versionaxisitem.h ${_pl}/lanes/versionaxisitem.cpp
    ${_pl}/lanes/lanesscene.h ${_pl}/lanes/lanesscene.cpp
    ${_pl}/lanes/lanesgraphicsview.h ${_pl}/lanes/lanesgraphicsview.cpp
    ${_pl}/lanes/deprecateatdialog.h ${_pl}/lanes/deprecateatdialog.cpp
    ${_pl}/lanes/setdeprecationcommand.h ${_pl}/lanes/setdeprecationcommand.cpp
    ${_pl}/lanes/lanesview.h ${_pl}/lanes/lanesview.cpp ${CMAKE_SOURCE_DIR}/forms/lanesview.ui
    ${_pl}/planner/customerdistribution.h ${_pl}/planner/customerdistribution.cpp
    ${_pl}/planner/plannerview.h ${_pl}/planner/plannerview.cpp ${CMAKE_SOURCE_DIR}/forms/plannerview.ui
    ${_pl}/planner/tworoadspanel.h ${_pl}/planner/tworoadspanel.cpp
    ${_pl}/simulation/oobprogresschart.h ${_pl}/simulation/oobprogresschart.cpp
    ${_pl}/simulation/oobprogressoverridesmodel.h ${_pl}/simulation/oobprogressoverridesmodel.cpp
    ${_pl}/simulation/progressmodeleditor.h ${_pl}/simulation/progressmodeleditor.cpp
    ${_pl}/simulation/timeassumptions.h ${_pl}/simulation/timeassumptions.cpp
    ${_pl}/simulation/simulationconnectiondialog.h ${_pl}/simulation/simulationconnectiondialog.cpp
    ${CMAKE_SOURCE_DIR}/forms/simulationconnectiondialog.ui
    ${_pl}/simulation/simulationview.h ${_pl}/simulation/simulationview.cpp ${CMAKE_SOURCE_DIR}/forms/simulationview.ui
    ${_pl}/export/reportexporter.h ${_pl}/export/reportexporter.cpp
    ${_pl}/export/exportreportdialog.h ${_pl}/export/exportreportdialog.cpp
    ${CMAKE_SOURCE_DIR}/forms/exportreportdialog.ui)
