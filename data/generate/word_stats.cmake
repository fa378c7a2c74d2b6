# Not part of the normal build: data/word_stats.tsv is committed and staged like every data/*.tsv.
# `cmake --build build --target word_stats` regenerates it (into the source tree) from the
# Project Gutenberg corpus in HISTEXT_TRAIN_CORPUS_DIR (*.txt.gz, read in sorted name order with
# zlib); the program and its method: gen_word_stats.cpp and docs/entities.md.
set(HISTEXT_TRAIN_CORPUS_DIR ${PROJECT_SOURCE_DIR}/../shared/train/corpus
    CACHE PATH "Unlabelled training corpus (*.txt.gz) that data/word_stats.tsv is computed from")
find_package(ZLIB QUIET)
if(ZLIB_FOUND)
  add_executable(histext_gen_word_stats EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/gen_word_stats.cpp)
  # lib/src for common/text_util.hpp (strip_accents).
  target_include_directories(histext_gen_word_stats PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
  target_link_libraries(histext_gen_word_stats PRIVATE histext::histext ICU::uc Eigen3::Eigen ZLIB::ZLIB)
  # The same statistics on every machine: no fused multiply-add where the source has two operations.
  target_compile_options(histext_gen_word_stats PRIVATE $<$<CXX_COMPILER_ID:GNU,Clang>:-ffp-contract=off>)
  add_custom_target(word_stats
    COMMAND ${CMAKE_COMMAND} -E env HISTEXT_DATA_DIR=${HISTEXT_STAGE_DATA_DIR}
            $<TARGET_FILE:histext_gen_word_stats> ${HISTEXT_TRAIN_CORPUS_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/word_stats.tsv
    DEPENDS histext_gen_word_stats
    COMMENT "Regenerating data/word_stats.tsv from ${HISTEXT_TRAIN_CORPUS_DIR}" VERBATIM)
else()
  add_custom_target(word_stats
    COMMAND ${CMAKE_COMMAND} -E echo "word_stats: zlib (zlib1g-dev) not found; cannot regenerate data/word_stats.tsv"
    COMMAND ${CMAKE_COMMAND} -E false VERBATIM)
endif()

# Build-time: the committed word_stats.tsv compiled into ${HISTEXT_STAGE_DATA_DIR}/word_stats.bin,
# which the library loads (lexicons/word_stats.cpp: a copy, not a parse, at start-up).
add_executable(histext_gen_word_stats_bin ${CMAKE_CURRENT_LIST_DIR}/gen_word_stats_bin.cpp)
target_include_directories(histext_gen_word_stats_bin PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
add_custom_command(OUTPUT ${HISTEXT_STAGE_DATA_DIR}/word_stats.bin
  COMMAND ${CMAKE_COMMAND} -E make_directory ${HISTEXT_STAGE_DATA_DIR}
  COMMAND histext_gen_word_stats_bin ${CMAKE_CURRENT_SOURCE_DIR}/word_stats.tsv ${HISTEXT_STAGE_DATA_DIR}/word_stats.bin
  DEPENDS histext_gen_word_stats_bin ${CMAKE_CURRENT_SOURCE_DIR}/word_stats.tsv
  COMMENT "Compiling word_stats.tsv into word_stats.bin" VERBATIM)
list(APPEND HISTEXT_GENERATED_DATA ${HISTEXT_STAGE_DATA_DIR}/word_stats.bin)
