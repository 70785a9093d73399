#include "util/csv.hpp"

namespace util {

namespace {

bool blank_record(const CsvRecord& record) {
    return record.cells.size() == 1 && record.cells.front().empty();
}

class CsvReader {
  public:
    explicit CsvReader(std::string_view text) : text_(text) {}

    CsvTable read() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3;
        while (pos_ < text_.size()) {
            CsvRecord record;
            record.line = line_;
            if (!read_record(record)) {
                table_.unclosed_quote_line = record.line;
                break;
            }
            if (!blank_record(record))
                table_.records.push_back(std::move(record));
        }
        return std::move(table_);
    }

  private:
    // Reads cells up to the end of the record; false when a quote never closes.
    bool read_record(CsvRecord& record) {
        while (true) {
            std::string cell;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                if (!read_quoted(cell))
                    return false;
            }
            read_unquoted(cell);
            record.cells.push_back(std::move(cell));
            if (pos_ >= text_.size())
                return true;
            const char separator = text_[pos_++];
            if (separator == ',')
                continue;
            if (separator == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
                ++pos_;
            ++line_;
            return true;
        }
    }

    bool read_quoted(std::string& cell) {
        ++pos_; // the opening quote
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    cell += '"';
                    ++pos_;
                    continue;
                }
                return true;
            }
            if (c == '\n')
                ++line_;
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
                ++pos_;
                ++line_;
                cell += '\n'; // line breaks in a cell read as LF whatever the file uses
                continue;
            }
            cell += c;
        }
        return false;
    }

    // Text up to the next separator: an unquoted cell, or what follows the
    // closing quote of a quoted one (kept, as spreadsheets do).
    void read_unquoted(std::string& cell) {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == ',' || c == '\n' ||
                (c == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n')))
                return;
            cell += c;
            ++pos_;
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    CsvTable table_;
};

} // namespace

CsvTable parse_csv(std::string_view text) {
    return CsvReader(text).read();
}

} // namespace util
