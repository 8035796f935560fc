"""`{% shared_fragment fragments "name" %}...{% endshared_fragment %}`: the enclosed part
of a page, rendered once and shared by every visitor while the content is the same,
when the view says so (`fragments`, the key from programs.cache.shared_fragments);
rendered afresh every time when `fragments` is empty.

For pages that are not cached whole because something in them belongs to one visitor
(the inquiry form's signed token): what the visitor's part sits between is a shared
fragment, and the visitor's part is rendered through the template around it, never
put into cached HTML by replacing text.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key

from programs.cache import remembered

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, fragments, name):
        self.nodelist = nodelist
        self.fragments = fragments
        self.name = name

    def render(self, context):
        fragments = self.fragments.resolve(context)
        if not fragments:
            return self.nodelist.render(context)
        key = make_template_fragment_key(self.name, [fragments])
        return remembered(key, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[2][0] not in "\"'" or bits[2][0] != bits[2][-1]:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes the view's fragments and a quoted name, e.g. "
            f'{{% {bits[0]} fragments "page-top" %}}'
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, parser.compile_filter(bits[1]), bits[2][1:-1])
