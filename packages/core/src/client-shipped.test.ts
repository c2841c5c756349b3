import { describe, expect, it } from 'vitest';
import { splitWords } from './key-name.js';
import { hasBrowserBundledPrefix, isClientShippedFile, namesClientShippedValue } from './client-shipped.js';

describe('isClientShippedFile', () => {
  it('takes client code, app manifests and the folders an app or page is built from', () => {
    for (const file of [
      'web/src/config.ts',
      'src/components/Checkout.tsx',
      'public/js/analytics.js',
      'app.config.mjs',
      'src/App.vue',
      'src/routes/+layout.svelte',
      'templates/index.html',
      'ios/Config/Release.xcconfig',
      'Harbor/Info.plist',
      'Sources/App/Secrets.swift',
      'Classes/AppDelegate.m',
      'android/app/src/main/AndroidManifest.xml',
      'app/src/main/res/values/strings.xml',
      'app/src/main/res/values-night/secrets.xml',
      'rn-app/app.json',
      'eas.json',
      'lib/env.dart',
      'coach_app/assets/env/prod.json',
      'Game/Assets/Scripts/Boot.cs',
      'Game/Assets/Scenes/Main.unity',
      'android/app/build.gradle',
    ]) {
      expect(isClientShippedFile(file), file).toBe(true);
    }
  });

  it("leaves a server's configuration and code", () => {
    for (const file of [
      '.env',
      'services/api/.env.production',
      'deploy/helm/values.yaml',
      'docker-compose.yml',
      'Dockerfile',
      'src/main/resources/application.properties',
      'config/app.toml',
      'app/settings.py',
      'cmd/ingest/main.go',
      'config/initializers/sentry.rb',
      'config/prod.exs',
      'src/Api/appsettings.Production.json',
      'src/Api/Services/Notify.cs',
      'package.json',
      'config/default.json',
      'res/config.xml',
    ]) {
      expect(isClientShippedFile(file), file).toBe(false);
    }
    expect(isClientShippedFile(undefined)).toBe(false);
  });
});

describe('namesClientShippedValue', () => {
  it('takes the prefixes front-end builds inline and names that say the copy is the client one', () => {
    for (const name of ['VITE_SENTRY_DSN', 'NEXT_PUBLIC_SENTRY_DSN', 'REACT_APP_SENTRY_DSN', 'EXPO_PUBLIC_SENTRY_DSN', 'PUBLIC_SENTRY_DSN', 'SENTRY_DSN_PUBLIC', 'sentryFrontendDsn', 'SENTRY_BROWSER_DSN', 'MOBILE_SENTRY_DSN']) {
      expect(namesClientShippedValue(name), name).toBe(true);
    }
  });

  it("leaves a server's names", () => {
    for (const name of ['SENTRY_DSN', 'SENTRY_LARAVEL_DSN', 'sentry.dsn', 'dsn', 'Dsn', 'SentryDSN', 'REPUBLIC_API_DSN']) {
      expect(namesClientShippedValue(name), name).toBe(false);
    }
  });
});

describe('hasBrowserBundledPrefix', () => {
  const prefixed = (name: string) => hasBrowserBundledPrefix(splitWords(name));

  it('takes every front-end build prefix, in upper case and as the camelCase a config object gives it', () => {
    for (const name of ['VITE_API_URL', 'NEXT_PUBLIC_FORM_ID', 'REACT_APP_MAP_KEY', 'VUE_APP_FIREBASE_API_KEY', 'EXPO_PUBLIC_SEGMENT_WRITE_KEY', 'NUXT_PUBLIC_SITE_ID', 'NUXT_ENV_FIREBASE_API_KEY', 'GATSBY_SEGMENT_WRITE_KEY', 'PUBLIC_SUPABASE_URL', 'viteSentryDsn']) {
      expect(prefixed(name), name).toBe(true);
    }
  });

  it('leaves names that only mention public, next or react, and a bare public key or URL', () => {
    for (const name of ['PUBLIC_KEY', 'PUBLIC_URL', 'NEXT_TOKEN', 'NEXTAUTH_SECRET', 'REACT_SECRET', 'VUE_SECRET_KEY', 'NUXT_SECRET', 'SERVER_PUBLIC_ID', 'REPUBLIC_APP_KEY']) {
      expect(prefixed(name), name).toBe(false);
    }
  });
});
