"""Local development: `make run`. SQLite, console e-mail, immediate tasks, DEBUG on."""

from .base import *  # noqa: F403
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed development key: never used in production (production.py refuses to start without one).
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
ALLOWED_HOSTS = ["*"]
