# Production image: gunicorn serving the Django/Wagtail application, static files by WhiteNoise.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    PATH="/opt/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=cms.settings.production

WORKDIR /app
# Enchant and the hunspell dictionaries that tell a typo from a word ("Did you mean").
RUN apt-get update \
    && apt-get install -y --no-install-recommends libenchant-2-2 hunspell-en-gb hunspell-fr hunspell-nl \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 kb && mkdir -p /app/var/media && chown -R kb /app/var
USER kb
EXPOSE 8000
CMD ["gunicorn", "--config", "cms/gunicorn.conf.py", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
