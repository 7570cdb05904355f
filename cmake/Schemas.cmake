# FlatBuffers code generated from schemas/*.fbs at build time, never committed:
#   <build>/gen/include/shopcore/schema/<name>_generated.h       the zero-copy accessors
#   <build>/gen/include/shopcore/schema/<name>_bfbs_generated.h  the binary schema, embedded,
#                                                                which drives the JSON builder
# flatc runs on the build machine for both configurations, so native and wasm
# compile the very same headers.
set(SHOPCORE_SCHEMA_DIR ${CMAKE_SOURCE_DIR}/schemas)
set(SHOPCORE_SCHEMA_INCLUDE_DIR ${CMAKE_BINARY_DIR}/gen/include)
set(SHOPCORE_SCHEMA_GEN_DIR ${SHOPCORE_SCHEMA_INCLUDE_DIR}/shopcore/schema)
file(GLOB SHOPCORE_SCHEMA_FILES CONFIGURE_DEPENDS ${SHOPCORE_SCHEMA_DIR}/*.fbs)
set(SHOPCORE_SCHEMA_HEADERS)
foreach(schema_file ${SHOPCORE_SCHEMA_FILES})
  get_filename_component(schema ${schema_file} NAME_WE)
  set(outputs ${SHOPCORE_SCHEMA_GEN_DIR}/${schema}_generated.h ${SHOPCORE_SCHEMA_GEN_DIR}/${schema}_bfbs_generated.h)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${FLATC_EXECUTABLE} --cpp --scoped-enums --bfbs-gen-embed
            -I ${SHOPCORE_SCHEMA_DIR} -o ${SHOPCORE_SCHEMA_GEN_DIR} ${schema_file}
    DEPENDS ${SHOPCORE_SCHEMA_FILES}
    COMMENT "flatc: C++ and embedded binary schema for schemas/${schema}.fbs")
  list(APPEND SHOPCORE_SCHEMA_HEADERS ${outputs})
endforeach()
add_custom_target(shopcore_schemas ALL DEPENDS ${SHOPCORE_SCHEMA_HEADERS})
