#include "fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace shopcore::fuzz {
namespace {

std::string ReadOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Violation("seed file missing: " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::vector<std::string_view> SplitParts(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = all.find(kPartSeparator, start);
    if (end == std::string_view::npos) {
      parts.push_back(all.substr(start));
      return parts;
    }
    parts.push_back(all.substr(start, end - start));
    start = end + 1;
  }
}

std::string JoinParts(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += kPartSeparator;
    out += parts[i];
  }
  return out;
}

std::string ReadSourceFile(const std::string& relative_path) {
  return ReadOrDie(std::string(SHOPCORE_SOURCE_DIR) + "/" + relative_path);
}

std::string ReadLocalePack(const std::string& tag) {
  return ReadOrDie(std::string(SHOPCORE_LOCALE_DIR) + "/" + tag + ".json");
}

std::vector<std::string> ListSourceFiles(const std::string& relative_dir, const std::string& suffix) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SHOPCORE_SOURCE_DIR) + "/" + relative_dir, error)) {
    std::string name = entry.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> ListLocaleTags() {
  std::vector<std::string> tags;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(SHOPCORE_LOCALE_DIR, error)) {
    std::string name = entry.path().filename().string();
    if (name != "index.json" && entry.path().extension() == ".json") tags.push_back(entry.path().stem().string());
  }
  std::sort(tags.begin(), tags.end());
  if (tags.empty()) Violation(std::string("no locale packs in ") + SHOPCORE_LOCALE_DIR);
  return tags;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length;
    uint32_t code_point;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, code_point = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    const uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kMinimum[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

void Violation(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace shopcore::fuzz
