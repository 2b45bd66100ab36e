# Browse side of the GUI: main window, document, releases/findings docks, graph view.
set(_browse ${CMAKE_CURRENT_LIST_DIR})
target_sources(passlane_gui PRIVATE
    ${_browse}/mainwindow.h ${_browse}/mainwindow.cpp
    ${CMAKE_SOURCE_DIR}/forms/mainwindow.ui
    ${CMAKE_SOURCE_DIR}/forms/migrationdetails.ui
    ${_browse}/document/document.h ${_browse}/document/document.cpp
    ${_browse}/document/documentcommands.h ${_browse}/document/documentcommands.cpp
    ${_browse}/document/scenariorunner.h ${_browse}/document/scenariorunner.cpp
    ${_browse}/graph/graphlayout.h ${_browse}/graph/graphlayout.cpp
    ${_browse}/graph/migrationnodeitem.h ${_browse}/graph/migrationnodeitem.cpp
    ${_browse}/graph/edgeitem.h ${_browse}/graph/edgeitem.cpp
    ${_browse}/graph/graphscene.h ${_browse}/graph/graphscene.cpp
    ${_browse}/graph/graphcanvas.h ${_browse}/graph/graphcanvas.cpp
    ${_browse}/graph/graphoverview.h ${_browse}/graph/graphoverview.cpp
    ${_browse}/graph/graphexport.h ${_browse}/graph/graphexport.cpp
    ${_browse}/graph/diffhighlighter.h ${_browse}/graph/diffhighlighter.cpp
    ${_browse}/graph/graphview.h ${_browse}/graph/graphview.cpp
    ${_browse}/graph/sqlhighlighter.h ${_browse}/graph/sqlhighlighter.cpp
    ${_browse}/graph/migrationdetails.h ${_browse}/graph/migrationdetails.cpp
    ${CMAKE_SOURCE_DIR}/forms/releasespanel.ui ${CMAKE_SOURCE_DIR}/forms/findingspanel.ui
    ${_browse}/browse/settings.h
    ${_browse}/browse/theme.h ${_browse}/browse/theme.cpp
    ${_browse}/browse/catalogloader.h ${_browse}/browse/catalogloader.cpp
    ${_browse}/browse/recentfiles.h ${_browse}/browse/recentfiles.cpp
    ${_browse}/browse/loadstatus.h ${_browse}/browse/loadstatus.cpp
    ${_browse}/browse/releasespanel.h ${_browse}/browse/releasespanel.cpp
    ${_browse}/browse/findingspanel.h ${_browse}/browse/findingspanel.cpp
    ${_browse}/browse/shortcutsdialog.h ${_browse}/browse/shortcutsdialog.cpp
    ${_browse}/browse/screenshotrunner.h ${_browse}/browse/screenshotrunner.cpp)
target_compile_definitions(passlane_gui PRIVATE PASSLANE_VERSION="${PROJECT_VERSION}")
