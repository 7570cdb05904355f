#include "shopcore/cart/canonical_hash.h"

#include <algorithm>

namespace shopcore {
namespace cart {
namespace {

// The canonical form is written once per price() into a sink: a string
// (CanonicalBytes) or straight into the hash (PricedCartHash), so hashing
// never materialises the bytes.
class StringSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  StringSink& operator+=(char c) {
    out_ += c;
    return *this;
  }
  StringSink& operator+=(const char* text) {
    out_ += text;
    return *this;
  }
  StringSink& operator+=(const std::string& text) {
    out_ += text;
    return *this;
  }

 private:
  std::string& out_;
};

class FnvSink {
 public:
  FnvSink& operator+=(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 0x100000001b3ULL;
    return *this;
  }
  FnvSink& operator+=(const char* text) {
    while (*text != '\0') *this += *text++;
    return *this;
  }
  FnvSink& operator+=(const std::string& text) {
    for (char c : text) *this += c;
    return *this;
  }
  uint64_t hash() const { return hash_; }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

template <typename Out>
void AppendInt(Out& out, int64_t value) {
  char digits[24];
  int n = 0;
  // Negate in unsigned arithmetic so INT64_MIN has a magnitude.
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (value < 0) out += '-';
  while (n > 0) out += digits[--n];
}

template <typename Out>
void AppendField(Out& out, const std::string& text) {
  AppendInt(out, static_cast<int64_t>(text.size()));
  out += ':';
  out += text;
}

template <typename Out>
void AppendAdjustment(Out& out, const Adjustment& adjustment) {
  out += "adj ";
  AppendField(out, adjustment.source_id);
  out += ' ';
  out += PhaseName(adjustment.phase);
  out += ' ';
  AppendInt(out, adjustment.amount);
  out += '\n';
}

// "tag a b c\n"
template <typename Out>
void AppendRecord(Out& out, const char* tag, std::initializer_list<int64_t> values) {
  out += tag;
  for (int64_t value : values) {
    out += ' ';
    AppendInt(out, value);
  }
  out += '\n';
}

template <typename Out>
void WriteCanonical(const PricedCart& priced, Out& out) {
  out += "shopcore.priced-cart.v1\ncurrency ";
  out += priced.currency != nullptr ? priced.currency->code : "";
  out += '\n';
  AppendRecord(out, "rules", {priced.rules_version});
  AppendRecord(out, "activity", {priced.activity_order ? 1 : 0});
  std::vector<const PricedLine*> lines;
  for (const auto& line : priced.lines) lines.push_back(&line);
  std::sort(lines.begin(), lines.end(), [](const PricedLine* a, const PricedLine* b) { return a->sku_id < b->sku_id; });
  for (const PricedLine* line : lines) {
    out += "line ";
    AppendField(out, line->sku_id);
    AppendRecord(out, "", {line->quantity, line->unit_list_price, line->list_total, line->payable});
    for (const auto& adjustment : line->adjustments) AppendAdjustment(out, adjustment);
  }
  AppendRecord(out, "shipping", {priced.shipping_fee, priced.shipping_payable});
  for (const auto& adjustment : priced.shipping_adjustments) AppendAdjustment(out, adjustment);
  std::vector<const std::string*> coupons;
  for (const auto& id : priced.applied_coupons) coupons.push_back(&id);
  std::sort(coupons.begin(), coupons.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* id : coupons) {
    out += "coupon ";
    AppendField(out, *id);
    out += '\n';
  }
  AppendRecord(out, "points", {priced.points_used, priced.points_earned});
  AppendRecord(out, "total", {priced.list_total, priced.discount_total, priced.goods_payable, priced.total_payable});
}

}  // namespace

std::string CanonicalBytes(const PricedCart& priced) {
  std::string bytes;
  bytes.reserve(256 + 96 * priced.lines.size());
  StringSink sink(bytes);
  WriteCanonical(priced, sink);
  return bytes;
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string PricedCartHash(const PricedCart& priced) {
  static const char kHex[] = "0123456789abcdef";
  FnvSink sink;
  WriteCanonical(priced, sink);
  uint64_t hash = sink.hash();
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

}  // namespace cart
}  // namespace shopcore
