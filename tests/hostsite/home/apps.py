from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "tests.hostsite.home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"
