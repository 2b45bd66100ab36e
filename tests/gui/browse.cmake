# Browse/main-window GUI tests: real widgets under QT_QPA_PLATFORM=offscreen.
passlane_add_test(tst_browsemodels SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_browsemodels.cpp
                  LIBS passlane_models passlane_resources GUI)
passlane_add_test(tst_mainwindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp
                  ${CMAKE_CURRENT_LIST_DIR}/guitestutil.h LIBS passlane_gui GUI)
passlane_add_test(tst_graphview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_graphview.cpp
                  ${CMAKE_CURRENT_LIST_DIR}/guitestutil.h LIBS passlane_gui GUI TIMEOUT 600)
passlane_add_test(tst_realreleases_gui SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_realreleases_gui.cpp
                  ${CMAKE_CURRENT_LIST_DIR}/guitestutil.h LIBS passlane_gui GUI TIMEOUT 600)
