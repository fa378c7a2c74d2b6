# The name lexicon (names.tsv) generated from WordNet 3.0 at build time by gen_names.cpp, with its
# page index (names.idx: lib/src/lexicons/name_index.hpp, whose code the generator compiles too).
set(HISTEXT_WORDNET_DIR /usr/share/wordnet CACHE PATH "WordNet 3.0 dict folder (data.noun, index.noun...)")
add_executable(histext_gen_names ${CMAKE_CURRENT_LIST_DIR}/gen_names.cpp ${PROJECT_SOURCE_DIR}/lib/src/lexicons/name_index.cpp)
target_include_directories(histext_gen_names PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
add_custom_command(OUTPUT ${HISTEXT_STAGE_DATA_DIR}/names.tsv ${HISTEXT_STAGE_DATA_DIR}/names.idx
  COMMAND ${CMAKE_COMMAND} -E make_directory ${HISTEXT_STAGE_DATA_DIR}
  COMMAND histext_gen_names ${HISTEXT_WORDNET_DIR} ${HISTEXT_STAGE_DATA_DIR}/names.tsv ${HISTEXT_STAGE_DATA_DIR}/names.idx
  DEPENDS histext_gen_names ${HISTEXT_WORDNET_DIR}/data.noun ${HISTEXT_WORDNET_DIR}/index.noun
  COMMENT "Generating names.tsv and names.idx from WordNet" VERBATIM)
list(APPEND HISTEXT_GENERATED_DATA ${HISTEXT_STAGE_DATA_DIR}/names.tsv ${HISTEXT_STAGE_DATA_DIR}/names.idx)
