set(_waymark_demo_sources
    demo/demogenerator.h demo/demogenerator.cpp
    demo/demobuilder.h demo/demobuilder.cpp
    demo/demowriter.h
    demo/demorandom.h demo/demorandom.cpp
    demo/demonames.h demo/demonames.cpp
    demo/democurriculum.h demo/democurriculum.cpp
    demo/demophrases.h demo/demophrases.cpp demo/democomments.cpp
    demo/demoimages.h demo/demoimages.cpp
    demo/demoschool.cpp
    demo/demopupils.cpp
    demo/demogroups.cpp
    demo/demoreviews.cpp
    demo/demoevidence.cpp)
target_sources(waymark_core PRIVATE ${_waymark_demo_sources})
# The same seed must give the same school on every machine: no fused multiply-add, which some
# compilers and CPUs would otherwise use to round a*b+c differently.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    list(TRANSFORM _waymark_demo_sources PREPEND "${CMAKE_CURRENT_LIST_DIR}/../")
    list(FILTER _waymark_demo_sources INCLUDE REGEX "\\.cpp$")
    set_source_files_properties(${_waymark_demo_sources} TARGET_DIRECTORY waymark_core
                                PROPERTIES COMPILE_OPTIONS "-ffp-contract=off")
endif()
unset(_waymark_demo_sources)
