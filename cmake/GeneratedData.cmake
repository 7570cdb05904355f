# Tables generated at build time from pinned data, never committed:
#  - the ISO 4217 currency table (data/iso4217.csv) merged with CLDR display
#    digits and cash rounding (npm cldr-core), compiled into the core;
#  - one locale pack per CLDR locale (npm cldr-core + cldr-numbers-full),
#    loaded at run time by the CLI and the wasm module, never compiled in.
set(SHOPCORE_GENERATED_DIR ${CMAKE_BINARY_DIR}/gen)
set(SHOPCORE_LOCALE_DIR ${CMAKE_BINARY_DIR}/locale)
set(SHOPCORE_NODE_MODULES ${CMAKE_SOURCE_DIR}/node_modules)
if(NOT EXISTS ${SHOPCORE_NODE_MODULES}/cldr-core/package.json)
  message(FATAL_ERROR "node_modules is missing: run scripts/setup (npm ci) first")
endif()

set(SHOPCORE_GENERATED_SOURCES ${SHOPCORE_GENERATED_DIR}/currency_table.cc)
add_custom_command(
  OUTPUT ${SHOPCORE_GENERATED_DIR}/currency_table.cc
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/gen/currency-table.mjs
          --iso ${CMAKE_SOURCE_DIR}/data/iso4217.csv
          --cldr ${SHOPCORE_NODE_MODULES}/cldr-core
          --out ${SHOPCORE_GENERATED_DIR}/currency_table.cc
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/gen/currency-table.mjs ${CMAKE_SOURCE_DIR}/data/iso4217.csv
          ${SHOPCORE_NODE_MODULES}/cldr-core/package.json
  COMMENT "Generating the ISO 4217 + CLDR currency table")

set(SHOPCORE_LOCALE_STAMP ${SHOPCORE_LOCALE_DIR}/index.json)
file(GLOB SHOPCORE_LOCALE_GENERATOR_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/scripts/gen/locale-*.mjs)
add_custom_command(
  OUTPUT ${SHOPCORE_LOCALE_STAMP}
  COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/gen/locale-packs.mjs
          --cldr ${SHOPCORE_NODE_MODULES} --out ${SHOPCORE_LOCALE_DIR}
  DEPENDS ${SHOPCORE_LOCALE_GENERATOR_SOURCES} ${CMAKE_SOURCE_DIR}/data/delivery-messages.json
          ${SHOPCORE_NODE_MODULES}/cldr-core/package.json
          ${SHOPCORE_NODE_MODULES}/cldr-dates-full/package.json
          ${SHOPCORE_NODE_MODULES}/cldr-numbers-full/package.json
  COMMENT "Generating CLDR locale packs")

add_custom_target(shopcore_generated ALL DEPENDS
  ${SHOPCORE_GENERATED_DIR}/currency_table.cc ${SHOPCORE_LOCALE_STAMP})
