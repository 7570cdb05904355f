// A read-only view of a contiguous array. The model is read in place from the
// snapshot buffer (zero-copy), so every array the scorers touch is a Span over
// memory someone else owns: a FlatBuffers vector, or a std::vector in tests.
#ifndef SHOPCORE_RECO_SPAN_H_
#define SHOPCORE_RECO_SPAN_H_

#include <cstddef>
#include <vector>

namespace shopcore::reco {

template <typename T>
class Span {
 public:
  Span() = default;
  Span(const T* data, size_t size) : data_(data), size_(size) {}
  Span(const std::vector<T>& values) : data_(values.data()), size_(values.size()) {}  // NOLINT

  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  Span subspan(size_t offset, size_t count) const { return Span(data_ + offset, count); }

 private:
  const T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_SPAN_H_
