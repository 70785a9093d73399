#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace util {

// A JSON string literal, quotes included; invalid UTF-8 bytes become U+FFFD.
std::string json_quote(std::string_view text);

// Builds pretty-printed JSON (two-space indent) in order of calls; the caller
// pairs begin/end calls. Output is deterministic.
class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& strings(const std::vector<std::string>& items);

    // The document, ending with a newline.
    std::string str() const { return out_ + "\n"; }

    // For documents too large to hold whole: moves the text built so far to
    // `out` (the writer carries on where it was), and after the last end_*
    // call, ends the document with its newline.
    void drain(std::ostream& out);
    void finish(std::ostream& out);

  private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> has_items_;
    bool after_key_ = false;
};

// The CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

} // namespace util
