# Planning GUI tests: models, planner/lanes/simulation views and report export, on the bundled
# sample and on the real Sourcegraph fixtures (skipped when absent, required under CI=true).
set(_pt ${CMAKE_CURRENT_LIST_DIR})
passlane_add_test(tst_planningmodels SOURCES ${_pt}/tst_planningmodels.cpp ${_pt}/planningtestutil.h
                  LIBS passlane_models passlane_resources GUI)
foreach(_t plannerview lanesview simulationview reportexport)
    passlane_add_test(tst_${_t} SOURCES ${_pt}/tst_${_t}.cpp ${_pt}/planningtestutil.h
                      LIBS passlane_gui GUI TIMEOUT 600)
endforeach()
# The Simulation tab runs on the shared test server too (its live timeline): one suite at a time.
set_tests_properties(tst_simulationview PROPERTIES RESOURCE_LOCK passlane_test_pg)
