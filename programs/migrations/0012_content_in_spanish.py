# Content in both languages (django-modeltranslation): a column per language for each
# translated field. What was there is English: each original column is copied to its
# _en column (also in the history tables, so past versions read the same). Spanish
# columns start empty, which reads as "not translated yet".

import programs.models.articles
import programs.models.clinic
import programs.models.pages
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {'page': ['title', 'slug', 'intro', 'meta_description', 'body', 'body_html', 'nav_label', 'seo_title'], 'pagesection': ['heading', 'body', 'body_html'], 'article': ['title', 'slug', 'summary', 'body', 'body_html', 'seo_title'], 'topic': ['name', 'slug', 'description'], 'therapy': ['title', 'summary', 'body', 'body_html'], 'faqentry': ['question', 'answer', 'answer_html'], 'track': ['name', 'description'], 'session': ['location'], 'clinicsettings': ['opening_hours', 'license_title'], 'person': ['job_title', 'bio', 'bio_html'], 'image': ['alt_text'], 'accreditation': ['name']}


def copy_to_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        for prefix in ("", "historical"):
            model = apps.get_model("programs", prefix + model_name)
            model.objects.update(**{f"{name}_en": F(name) for name in names})



class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0011_sharing_image_of_pages_and_articles'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='image',
            name='programs_image_alt_text_or_decorative',
        ),
        migrations.AddField(
            model_name='accreditation',
            name='name_en',
            field=models.CharField(help_text='What the clinic holds, e.g. “Behavioral Health Care Accreditation”.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='accreditation',
            name='name_es',
            field=models.CharField(help_text='What the clinic holds, e.g. “Behavioral Health Care Accreditation”.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='article',
            name='body_en',
            field=models.TextField(help_text='Markdown, as for pages: ## for a heading, - for a list, [words](https://…).', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='article',
            name='body_es',
            field=models.TextField(help_text='Markdown, as for pages: ## for a heading, - for a list, [words](https://…).', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='article',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='article',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='article',
            name='seo_title_en',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='article',
            name='seo_title_es',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='article',
            name='slug_en',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “what-is-iop” for /articles/what-is-iop/. When a published article's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, unique=True, validators=[programs.models.articles.validate_article_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='article',
            name='slug_es',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “what-is-iop” for /articles/what-is-iop/. When a published article's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, unique=True, validators=[programs.models.articles.validate_article_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='article',
            name='summary_en',
            field=models.CharField(help_text='One plain sentence, at most 160 characters: shown in the library, by search engines and when the article is shared.', max_length=160, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='article',
            name='summary_es',
            field=models.CharField(help_text='One plain sentence, at most 160 characters: shown in the library, by search engines and when the article is shared.', max_length=160, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_en',
            field=models.CharField(help_text="The article's heading and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='article',
            name='title_es',
            field=models.CharField(help_text="The article's heading and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='license_title_en',
            field=models.CharField(blank=True, help_text='What the agency calls it, e.g. “Certificate of Approval”. Left empty, the footer says “State license”.', max_length=80, null=True, verbose_name='license name'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='license_title_es',
            field=models.CharField(blank=True, help_text='What the agency calls it, e.g. “Certificate of Approval”. Left empty, the footer says “State license”.', max_length=80, null=True, verbose_name='license name'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='opening_hours_en',
            field=models.TextField(help_text='As visitors read them, one line each, e.g. “Office: Monday to Friday, 9 am to 5 pm”.', null=True, verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='opening_hours_es',
            field=models.TextField(help_text='As visitors read them, one line each, e.g. “Office: Monday to Friday, 9 am to 5 pm”.', null=True, verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='clinicsettings',
            name='spanish_phone',
            field=programs.models.clinic.ClinicPhoneField(blank=True, help_text='Optional. Where a Spanish-speaking admissions counselor answers: the admissions phone again if that line answers in Spanish too. When set, search engines are told the clinic answers in English and Spanish.', max_length=128, region='US', verbose_name='Spanish-speaking admissions line'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_en',
            field=models.TextField(help_text='Markdown, as for pages.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_es',
            field=models.TextField(help_text='Markdown, as for pages.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='answer_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_en',
            field=models.CharField(max_length=200, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='faqentry',
            name='question_es',
            field=models.CharField(max_length=200, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalaccreditation',
            name='name_en',
            field=models.CharField(help_text='What the clinic holds, e.g. “Behavioral Health Care Accreditation”.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalaccreditation',
            name='name_es',
            field=models.CharField(help_text='What the clinic holds, e.g. “Behavioral Health Care Accreditation”.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='body_en',
            field=models.TextField(help_text='Markdown, as for pages: ## for a heading, - for a list, [words](https://…).', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='body_es',
            field=models.TextField(help_text='Markdown, as for pages: ## for a heading, - for a list, [words](https://…).', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='seo_title_en',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='seo_title_es',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='slug_en',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “what-is-iop” for /articles/what-is-iop/. When a published article's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, validators=[programs.models.articles.validate_article_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='slug_es',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “what-is-iop” for /articles/what-is-iop/. When a published article's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, validators=[programs.models.articles.validate_article_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='summary_en',
            field=models.CharField(help_text='One plain sentence, at most 160 characters: shown in the library, by search engines and when the article is shared.', max_length=160, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='summary_es',
            field=models.CharField(help_text='One plain sentence, at most 160 characters: shown in the library, by search engines and when the article is shared.', max_length=160, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_en',
            field=models.CharField(help_text="The article's heading and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='title_es',
            field=models.CharField(help_text="The article's heading and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='license_title_en',
            field=models.CharField(blank=True, help_text='What the agency calls it, e.g. “Certificate of Approval”. Left empty, the footer says “State license”.', max_length=80, null=True, verbose_name='license name'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='license_title_es',
            field=models.CharField(blank=True, help_text='What the agency calls it, e.g. “Certificate of Approval”. Left empty, the footer says “State license”.', max_length=80, null=True, verbose_name='license name'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='opening_hours_en',
            field=models.TextField(help_text='As visitors read them, one line each, e.g. “Office: Monday to Friday, 9 am to 5 pm”.', null=True, verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='opening_hours_es',
            field=models.TextField(help_text='As visitors read them, one line each, e.g. “Office: Monday to Friday, 9 am to 5 pm”.', null=True, verbose_name='opening hours'),
        ),
        migrations.AddField(
            model_name='historicalclinicsettings',
            name='spanish_phone',
            field=programs.models.clinic.ClinicPhoneField(blank=True, help_text='Optional. Where a Spanish-speaking admissions counselor answers: the admissions phone again if that line answers in Spanish too. When set, search engines are told the clinic answers in English and Spanish.', max_length=128, region='US', verbose_name='Spanish-speaking admissions line'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_en',
            field=models.TextField(help_text='Markdown, as for pages.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_es',
            field=models.TextField(help_text='Markdown, as for pages.', null=True, verbose_name='answer'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='answer_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_en',
            field=models.CharField(max_length=200, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalfaqentry',
            name='question_es',
            field=models.CharField(max_length=200, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='historicalimage',
            name='alt_text_en',
            field=models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it, in one plain sentence, e.g. “A counselor listens to a client in a quiet office.” Required unless the picture is only decorative.', max_length=250, null=True, verbose_name='text alternative'),
        ),
        migrations.AddField(
            model_name='historicalimage',
            name='alt_text_es',
            field=models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it, in one plain sentence, e.g. “A counselor listens to a client in a quiet office.” Required unless the picture is only decorative.', max_length=250, null=True, verbose_name='text alternative'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='body_en',
            field=models.TextField(blank=True, help_text='Markdown: ## for a heading, - for a list, [words](https://…) for a link, a table with | columns |. A line “Table: …” just above a table becomes its caption. ![what it shows](image:12) shows picture 12 of the image library (its number is on its page there). Scripts and styles are removed.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='body_es',
            field=models.TextField(blank=True, help_text='Markdown: ## for a heading, - for a list, [words](https://…) for a link, a table with | columns |. A line “Table: …” just above a table becomes its caption. ![what it shows](image:12) shows picture 12 of the image library (its number is on its page there). Scripts and styles are removed.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='intro_en',
            field=models.CharField(blank=True, help_text='One or two plain sentences shown large under the heading. Optional.', max_length=300, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='intro_es',
            field=models.CharField(blank=True, help_text='One or two plain sentences shown large under the heading. Optional.', max_length=300, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='meta_description_en',
            field=models.CharField(help_text='Shown by search engines and when the page is shared: one plain sentence, at most 160 characters.', max_length=160, null=True, verbose_name='search and sharing description'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='meta_description_es',
            field=models.CharField(help_text='Shown by search engines and when the page is shared: one plain sentence, at most 160 characters.', max_length=160, null=True, verbose_name='search and sharing description'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='nav_label_en',
            field=models.CharField(blank=True, help_text='A short name for the main menu. Leave empty to use the title.', max_length=40, null=True, verbose_name='menu label'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='nav_label_es',
            field=models.CharField(blank=True, help_text='A short name for the main menu. Leave empty to use the title.', max_length=40, null=True, verbose_name='menu label'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='seo_title_en',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='seo_title_es',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='slug_en',
            field=models.SlugField(help_text="The page's web address: lowercase letters, numbers and hyphens, e.g. “what-is-iop” for /what-is-iop/. When a published page's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, validators=[programs.models.pages.validate_page_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='slug_es',
            field=models.SlugField(help_text="The page's web address: lowercase letters, numbers and hyphens, e.g. “what-is-iop” for /what-is-iop/. When a published page's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, validators=[programs.models.pages.validate_page_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='title_en',
            field=models.CharField(help_text="The main heading of the page and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='title_es',
            field=models.CharField(help_text="The main heading of the page and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='body_en',
            field=models.TextField(help_text='Markdown, as for the page text. Shown under the heading.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='body_es',
            field=models.TextField(help_text='Markdown, as for the page text. Shown under the heading.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='heading_en',
            field=models.CharField(help_text="The section's heading on the page.", max_length=120, null=True, verbose_name='heading'),
        ),
        migrations.AddField(
            model_name='historicalpagesection',
            name='heading_es',
            field=models.CharField(help_text="The section's heading on the page.", max_length=120, null=True, verbose_name='heading'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='bio_en',
            field=models.TextField(blank=True, help_text="A few sentences in Markdown, shown on the team page and the person's page.", null=True, verbose_name='short biography'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='bio_es',
            field=models.TextField(blank=True, help_text="A few sentences in Markdown, shown on the team page and the person's page.", null=True, verbose_name='short biography'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='bio_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='bio_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='job_title_en',
            field=models.CharField(help_text='E.g. “Clinical director”.', max_length=120, null=True, verbose_name='job title'),
        ),
        migrations.AddField(
            model_name='historicalperson',
            name='job_title_es',
            field=models.CharField(help_text='E.g. “Clinical director”.', max_length=120, null=True, verbose_name='job title'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='location_en',
            field=models.CharField(blank=True, help_text='E.g. “Group room 2” or “Secure video link sent by your counselor”.', max_length=120, null=True, verbose_name='location'),
        ),
        migrations.AddField(
            model_name='historicalsession',
            name='location_es',
            field=models.CharField(blank=True, help_text='E.g. “Group room 2” or “Secure video link sent by your counselor”.', max_length=120, null=True, verbose_name='location'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='body_en',
            field=models.TextField(blank=True, help_text='Markdown, as for pages.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='body_es',
            field=models.TextField(blank=True, help_text='Markdown, as for pages.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='summary_en',
            field=models.CharField(help_text='One or two plain sentences.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='summary_es',
            field=models.CharField(help_text='One or two plain sentences.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='title_en',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltherapy',
            name='title_es',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='description_en',
            field=models.CharField(blank=True, help_text="One plain sentence shown above the topic's articles. Optional.", max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='description_es',
            field=models.CharField(blank=True, help_text="One plain sentence shown above the topic's articles. Optional.", max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='name_en',
            field=models.CharField(help_text='A few words, e.g. “For families”.', max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='name_es',
            field=models.CharField(help_text='A few words, e.g. “For families”.', max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='slug_en',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “family” lists the topic's articles at /articles/topic/family/.", max_length=60, null=True, verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicaltopic',
            name='slug_es',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “family” lists the topic's articles at /articles/topic/family/.", max_length=60, null=True, verbose_name='address'),
        ),
        migrations.AddField(
            model_name='historicaltrack',
            name='description_en',
            field=models.CharField(help_text='One or two plain sentences about who this track suits.', max_length=300, null=True, verbose_name='short description'),
        ),
        migrations.AddField(
            model_name='historicaltrack',
            name='description_es',
            field=models.CharField(help_text='One or two plain sentences about who this track suits.', max_length=300, null=True, verbose_name='short description'),
        ),
        migrations.AddField(
            model_name='historicaltrack',
            name='name_en',
            field=models.CharField(help_text='E.g. “In-person evening program”.', max_length=80, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='historicaltrack',
            name='name_es',
            field=models.CharField(help_text='E.g. “In-person evening program”.', max_length=80, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='image',
            name='alt_text_en',
            field=models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it, in one plain sentence, e.g. “A counselor listens to a client in a quiet office.” Required unless the picture is only decorative.', max_length=250, null=True, verbose_name='text alternative'),
        ),
        migrations.AddField(
            model_name='image',
            name='alt_text_es',
            field=models.CharField(blank=True, help_text='What the picture shows, for people who cannot see it, in one plain sentence, e.g. “A counselor listens to a client in a quiet office.” Required unless the picture is only decorative.', max_length=250, null=True, verbose_name='text alternative'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_en',
            field=models.TextField(blank=True, help_text='Markdown: ## for a heading, - for a list, [words](https://…) for a link, a table with | columns |. A line “Table: …” just above a table becomes its caption. ![what it shows](image:12) shows picture 12 of the image library (its number is on its page there). Scripts and styles are removed.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_es',
            field=models.TextField(blank=True, help_text='Markdown: ## for a heading, - for a list, [words](https://…) for a link, a table with | columns |. A line “Table: …” just above a table becomes its caption. ![what it shows](image:12) shows picture 12 of the image library (its number is on its page there). Scripts and styles are removed.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='page',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='page',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='page',
            name='intro_en',
            field=models.CharField(blank=True, help_text='One or two plain sentences shown large under the heading. Optional.', max_length=300, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='page',
            name='intro_es',
            field=models.CharField(blank=True, help_text='One or two plain sentences shown large under the heading. Optional.', max_length=300, null=True, verbose_name='introduction'),
        ),
        migrations.AddField(
            model_name='page',
            name='meta_description_en',
            field=models.CharField(help_text='Shown by search engines and when the page is shared: one plain sentence, at most 160 characters.', max_length=160, null=True, verbose_name='search and sharing description'),
        ),
        migrations.AddField(
            model_name='page',
            name='meta_description_es',
            field=models.CharField(help_text='Shown by search engines and when the page is shared: one plain sentence, at most 160 characters.', max_length=160, null=True, verbose_name='search and sharing description'),
        ),
        migrations.AddField(
            model_name='page',
            name='nav_label_en',
            field=models.CharField(blank=True, help_text='A short name for the main menu. Leave empty to use the title.', max_length=40, null=True, verbose_name='menu label'),
        ),
        migrations.AddField(
            model_name='page',
            name='nav_label_es',
            field=models.CharField(blank=True, help_text='A short name for the main menu. Leave empty to use the title.', max_length=40, null=True, verbose_name='menu label'),
        ),
        migrations.AddField(
            model_name='page',
            name='seo_title_en',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='page',
            name='seo_title_es',
            field=models.CharField(blank=True, help_text="The title search results and the browser tab show, at most 70 characters (search engines show about the first 60). Leave empty to use the title followed by the clinic's name.", max_length=70, null=True, verbose_name='search title'),
        ),
        migrations.AddField(
            model_name='page',
            name='slug_en',
            field=models.SlugField(help_text="The page's web address: lowercase letters, numbers and hyphens, e.g. “what-is-iop” for /what-is-iop/. When a published page's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, unique=True, validators=[programs.models.pages.validate_page_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='page',
            name='slug_es',
            field=models.SlugField(help_text="The page's web address: lowercase letters, numbers and hyphens, e.g. “what-is-iop” for /what-is-iop/. When a published page's address changes, the old address redirects to the new one (see Redirects).", max_length=80, null=True, unique=True, validators=[programs.models.pages.validate_page_slug], verbose_name='address'),
        ),
        migrations.AddField(
            model_name='page',
            name='title_en',
            field=models.CharField(help_text="The main heading of the page and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='page',
            name='title_es',
            field=models.CharField(help_text="The main heading of the page and the start of the browser tab's title.", max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='body_en',
            field=models.TextField(help_text='Markdown, as for the page text. Shown under the heading.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='body_es',
            field=models.TextField(help_text='Markdown, as for the page text. Shown under the heading.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='heading_en',
            field=models.CharField(help_text="The section's heading on the page.", max_length=120, null=True, verbose_name='heading'),
        ),
        migrations.AddField(
            model_name='pagesection',
            name='heading_es',
            field=models.CharField(help_text="The section's heading on the page.", max_length=120, null=True, verbose_name='heading'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_en',
            field=models.TextField(blank=True, help_text="A few sentences in Markdown, shown on the team page and the person's page.", null=True, verbose_name='short biography'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_es',
            field=models.TextField(blank=True, help_text="A few sentences in Markdown, shown on the team page and the person's page.", null=True, verbose_name='short biography'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='job_title_en',
            field=models.CharField(help_text='E.g. “Clinical director”.', max_length=120, null=True, verbose_name='job title'),
        ),
        migrations.AddField(
            model_name='person',
            name='job_title_es',
            field=models.CharField(help_text='E.g. “Clinical director”.', max_length=120, null=True, verbose_name='job title'),
        ),
        migrations.AddField(
            model_name='session',
            name='location_en',
            field=models.CharField(blank=True, help_text='E.g. “Group room 2” or “Secure video link sent by your counselor”.', max_length=120, null=True, verbose_name='location'),
        ),
        migrations.AddField(
            model_name='session',
            name='location_es',
            field=models.CharField(blank=True, help_text='E.g. “Group room 2” or “Secure video link sent by your counselor”.', max_length=120, null=True, verbose_name='location'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='body_en',
            field=models.TextField(blank=True, help_text='Markdown, as for pages.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='body_es',
            field=models.TextField(blank=True, help_text='Markdown, as for pages.', null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='body_html_en',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='therapy',
            name='body_html_es',
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='therapy',
            name='summary_en',
            field=models.CharField(help_text='One or two plain sentences.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='summary_es',
            field=models.CharField(help_text='One or two plain sentences.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='title_en',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='therapy',
            name='title_es',
            field=models.CharField(max_length=120, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='topic',
            name='description_en',
            field=models.CharField(blank=True, help_text="One plain sentence shown above the topic's articles. Optional.", max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='topic',
            name='description_es',
            field=models.CharField(blank=True, help_text="One plain sentence shown above the topic's articles. Optional.", max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='topic',
            name='name_en',
            field=models.CharField(help_text='A few words, e.g. “For families”.', max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='topic',
            name='name_es',
            field=models.CharField(help_text='A few words, e.g. “For families”.', max_length=60, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='topic',
            name='slug_en',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “family” lists the topic's articles at /articles/topic/family/.", max_length=60, null=True, unique=True, verbose_name='address'),
        ),
        migrations.AddField(
            model_name='topic',
            name='slug_es',
            field=models.SlugField(help_text="Lowercase letters, numbers and hyphens: “family” lists the topic's articles at /articles/topic/family/.", max_length=60, null=True, unique=True, verbose_name='address'),
        ),
        migrations.AddField(
            model_name='track',
            name='description_en',
            field=models.CharField(help_text='One or two plain sentences about who this track suits.', max_length=300, null=True, verbose_name='short description'),
        ),
        migrations.AddField(
            model_name='track',
            name='description_es',
            field=models.CharField(help_text='One or two plain sentences about who this track suits.', max_length=300, null=True, verbose_name='short description'),
        ),
        migrations.AddField(
            model_name='track',
            name='name_en',
            field=models.CharField(help_text='E.g. “In-person evening program”.', max_length=80, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='track',
            name='name_es',
            field=models.CharField(help_text='E.g. “In-person evening program”.', max_length=80, null=True, verbose_name='name'),
        ),
        migrations.RunPython(copy_to_english, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='image',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('is_decorative', True), ('alt_text_en', '')), models.Q(('is_decorative', False), models.Q(('alt_text_en', ''), _negated=True)), _connector='OR'), name='programs_image_alt_text_or_decorative', violation_error_message='Describe the picture in the text alternative, or tick “decorative only” (and leave the text alternative empty).'),
        ),
    ]
