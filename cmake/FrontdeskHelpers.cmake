# Compiler settings every Frontdesk target shares: warnings on, Qt's strict string handling.
function(frontdesk_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
    if(FRONTDESK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_RESTRICTED_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
    target_link_options(${target} PRIVATE -Wl,-z,relro,-z,now)
endfunction()

# One test executable per class:
#   frontdesk_add_test(NAME tst_daymodel SOURCES tst_daymodel.cpp LIBS frontdesk_models [DATABASE] [GUI] [FAULTS])
# DATABASE tests get the throwaway cluster through the pg fixture; GUI tests run offscreen;
# FAULTS tests start clusters of their own (FaultCluster) to stop, pause and fail over.
function(frontdesk_add_test)
    cmake_parse_arguments(T "DATABASE;GUI;FAULTS" "NAME;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    frontdesk_target_defaults(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test frontdesk_testsupport ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    # Settings (window layout, alerts) and cache (calendar files) in folders of the test's own,
    # never the user's.
    set(env "QT_QPA_PLATFORM=offscreen" "FRONTDESK_TEST_PG_DIR=${FRONTDESK_TEST_PG_DIR}"
            "QT_LOGGING_RULES=frontdesk.*.debug=false"
            "XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/settings/${T_NAME}"
            "XDG_CACHE_HOME=${CMAKE_CURRENT_BINARY_DIR}/cache/${T_NAME}"
            "XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/data/${T_NAME}"
            # A test function stuck for a minute ends with QtTest's stack trace of every thread,
            # well before CTest's timeout would end the test with no word of where it was.
            "QTEST_FUNCTION_TIMEOUT=60000")
    if(T_FAULTS)
        list(APPEND env "FRONTDESK_PGCLUSTER=${PROJECT_SOURCE_DIR}/tests/pgcluster.sh"
                        "FRONTDESK_PREPARE_TEMPLATE=${PROJECT_SOURCE_DIR}/tests/prepare-template.sh"
                        "FRONTDESK_ADMIN=$<TARGET_FILE:frontdesk-admin>")
        add_dependencies(${T_NAME} frontdesk-admin)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT})
    if(T_DATABASE)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED "clinic_db;pg_cluster")
    endif()
endfunction()
