"""StreamField blocks shared by GezondIn's page types.

Every block renders semantic, accessible HTML through its own template in
gezondin/templates/gezondin/blocks/.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageBlock

from gezondin.validators import WebAddressFormField, validate_web_address

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
# The sections of a page that has its own headings (a practice, an activity): no h2, no h4.
SECTION_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class WebAddressBlock(blocks.URLBlock):
    """A URLBlock that accepts only strict web addresses (gezondin/validators.py).

    It deconstructs as Wagtail's URLBlock: the stored data and the migrations are the same.
    """

    def __init__(self, required=True, help_text=None, max_length=None, min_length=None, **kwargs):
        options = {
            "required": required,
            "help_text": help_text,
            "max_length": max_length,
            "min_length": min_length,
        }
        super().__init__(**options, **kwargs)
        self.field = WebAddressFormField(**options)

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.URLBlock", args, kwargs


class VideoEmbedBlock(EmbedBlock):
    """An EmbedBlock whose URL must be a strict web address, checked before the embed lookup."""

    def clean(self, value):
        if isinstance(value, EmbedValue):
            validate_web_address(value.url.strip())
            value = EmbedValue(value.url.strip(), value.max_width, value.max_height)
        return super().clean(value)

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.embeds.blocks.EmbedBlock", args, kwargs


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        help_text=_("De paginatitel is kop 1; begin in de tekst met kop 2."),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "gezondin/blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(label=_("Onderschrift"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "gezondin/blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(
        label=_("Wie zei het"),
        required=False,
        max_length=200,
        help_text=_("Naam en rol, bijvoorbeeld ‘Wijkverpleegkundige, Tilburg-Noord’."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "gezondin/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = VideoEmbedBlock(
        label=_("Video-URL"), help_text=_("Bijvoorbeeld een YouTube- of Vimeo-link.")
    )
    title = blocks.CharBlock(
        label=_("Titel van de video"),
        max_length=200,
        help_text=_("Voor schermlezers: waar gaat de video over?"),
    )
    transcript = blocks.RichTextBlock(
        label=_("Uitgeschreven tekst"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Nodig voor toegankelijkheid als de video gesproken tekst bevat."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "gezondin/blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        max_length=200,
        help_text=_("Laat leeg om de titel van het document te gebruiken."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "gezondin/blocks/document_block.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = WebAddressBlock(label=_("Externe link"), required=False)
    text = blocks.CharBlock(label=_("Linktekst"), max_length=120)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Kies een pagina óf vul een externe link in."))
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    link = LinkBlock(label=_("Knop"))

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "gezondin/blocks/call_to_action_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("info", _("Informatie")), ("tip", _("Tip")), ("let-op", _("Let op"))],
        default="info",
    )
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Kader")
        template = "gezondin/blocks/callout_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag of titel"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwoord of tekst"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Kop boven de lijst"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Onderdelen"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Uitklaplijst (veelgestelde vragen)")
        template = "gezondin/blocks/accordion_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The general content blocks used by content pages and by the kennisbank's rich sections."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="gezondin/blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    call_to_action = CallToActionBlock()
