#include "render/markdown_html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstdlib>
#include <memory>
#include <vector>

#include "render/escape.hpp"

namespace pmi {

namespace {

struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct MallocDeleter {
    void operator()(char* text) const { std::free(text); }
};

constexpr const char* extensions[] = {"table", "strikethrough", "autolink", "tasklist"};

std::vector<cmark_node*> images_in(cmark_node* root) {
    std::vector<cmark_node*> images;
    cmark_iter* iter = cmark_iter_new(root);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter))
        if (event == CMARK_EVENT_ENTER &&
            cmark_node_get_type(cmark_iter_get_node(iter)) == CMARK_NODE_IMAGE)
            images.push_back(cmark_iter_get_node(iter));
    cmark_iter_free(iter);
    return images;
}

// An image becomes a link to its target holding its alt text (the target when
// there is none): the reader can still follow it, nothing is fetched.
void image_to_link(cmark_node* image) {
    cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
    const char* url = cmark_node_get_url(image);
    cmark_node_set_url(link, url ? url : "");
    const char* title = cmark_node_get_title(image);
    cmark_node_set_title(link, title ? title : "");
    while (cmark_node* child = cmark_node_first_child(image)) {
        cmark_node_unlink(child);
        cmark_node_append_child(link, child);
    }
    if (!cmark_node_first_child(link)) {
        cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(text, url && *url ? url : "image");
        cmark_node_append_child(link, text);
    }
    cmark_node_insert_before(image, link);
    cmark_node_unlink(image);
    cmark_node_free(image);
}

} // namespace

std::string markdown_to_html(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    // Safe mode: CMARK_OPT_UNSAFE is never set.
    const int options = CMARK_OPT_DEFAULT;
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
    for (const char* name : extensions)
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    const std::string clean = escape::html_chars(markdown);
    cmark_parser_feed(parser.get(), clean.data(), clean.size());
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
    for (cmark_node* image : images_in(root.get()))
        image_to_link(image);
    std::unique_ptr<char, MallocDeleter> html(
        cmark_render_html(root.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
    return html ? std::string(html.get()) : std::string();
}

} // namespace pmi
