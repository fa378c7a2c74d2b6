# Build-time generator: the CMU Pronouncing Dictionary (Debian's festlex-cmu, syllabified Festival
# lexicon) compiled into ${HISTEXT_STAGE_DATA_DIR}/syllables.bin, a sorted word -> syllable-count
# table that lib/src/lexicons/syllables.cpp loads on first use. Format: see gen_syllables.cpp.
set(HISTEXT_CMUDICT /usr/share/festival/dicts/cmu/cmudict-0.4.out
    CACHE FILEPATH "Festival's syllabified CMU dictionary (package festlex-cmu)")
if(NOT EXISTS ${HISTEXT_CMUDICT})
  message(FATAL_ERROR "${HISTEXT_CMUDICT} not found: install festlex-cmu (bash .ci/setup) "
                      "or pass -DHISTEXT_CMUDICT=/path/to/cmudict-0.4.out")
endif()
add_executable(histext_gen_syllables ${CMAKE_CURRENT_LIST_DIR}/gen_syllables.cpp)
target_include_directories(histext_gen_syllables PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
add_custom_command(OUTPUT ${HISTEXT_STAGE_DATA_DIR}/syllables.bin
  COMMAND ${CMAKE_COMMAND} -E make_directory ${HISTEXT_STAGE_DATA_DIR}
  COMMAND histext_gen_syllables ${HISTEXT_CMUDICT} ${HISTEXT_STAGE_DATA_DIR}/syllables.bin
  DEPENDS histext_gen_syllables ${HISTEXT_CMUDICT}
  COMMENT "Compiling the CMU dictionary's syllable counts into syllables.bin" VERBATIM)
list(APPEND HISTEXT_GENERATED_DATA ${HISTEXT_STAGE_DATA_DIR}/syllables.bin)
