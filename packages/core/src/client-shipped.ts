import { splitWords } from './key-name.js';

/**
 * What is shipped to clients: values every browser, phone or game install receives with the
 * code, so they are public by design (a New Relic browser key, an id a front end is built
 * with; a Sentry DSN's key is reported even there, since it lets anyone post events). The same value in a server's configuration or code stays on the server, and is read
 * as a credential there. One place says which files and names are the client's.
 */

/**
 * Whether a variable's name opens with the prefix a front-end build inlines into the code it ships to browsers
 * (given as its words, `splitWords`): Vite's `VITE_`, Next.js's `NEXT_PUBLIC_`, Create React App's `REACT_APP_`,
 * Vue CLI's `VUE_APP_`, Expo's `EXPO_PUBLIC_`, Nuxt's `NUXT_PUBLIC_` and `NUXT_ENV_`, Gatsby's `GATSBY_`, and
 * SvelteKit's and Astro's `PUBLIC_`. A bare `PUBLIC_` takes two words after it: `PUBLIC_KEY` and `PUBLIC_URL`
 * name a public key and a public address, not a variable of the bundle.
 */
export function hasBrowserBundledPrefix(nameWords: readonly string[]): boolean {
  const [first, second] = nameWords;
  if (first === 'vite' || first === 'gatsby') return nameWords.length >= 2;
  if (first === 'public') return nameWords.length >= 3;
  if (first === 'next' || first === 'expo') return second === 'public';
  if (first === 'nuxt') return second === 'public' || second === 'env';
  return (first === 'react' || first === 'vue') && second === 'app';
}

/**
 * Files that are client code or an app's manifest or build settings: front-end and React Native
 * code (JS/TS, JSX/TSX, Vue, Svelte, Astro, HTML pages), iOS and macOS apps (Swift, Objective-C,
 * Info.plist and other plists, xcconfig build settings), Android's manifest and resources
 * (`res/values/strings.xml`), Expo's and Capacitor's app configs (`app.json`, `eas.json`,
 * `capacitor.config.json`; their `.js`/`.ts` forms are code already), Flutter (Dart) and Unity
 * scenes, assets and prefabs. Server code in JS/TS shares the extensions; a browser bundle cannot
 * be told from it by the path, and front-end code holds such values far more often.
 */
const CLIENT_CODE_FILE = /\.(?:[cm]?jsx?|[cm]?tsx?|vue|svelte|astro|html?|swift|mm?|plist|xcconfig|dart|unity|prefab|asset)$/i;
const APP_MANIFEST_FILE = /(?:^|[\\/])(?:AndroidManifest\.xml|app\.json|eas\.json|capacitor\.config\.json)$/i;
const ANDROID_RESOURCE_FILE = /(?:^|[\\/])res[\\/](?:values|xml)[\w-]{0,40}[\\/][^\\/]{1,120}\.xml$/i;
/**
 * Folders whose every file goes into an app or a page: an asset folder (Flutter's and React Native's
 * `assets/env/prod.json`, Angular's `src/assets/config.json`, Unity's `Assets/` with its C# scripts) and
 * the native projects of a cross-platform app (`android/app/build.gradle`, `ios/Runner/…`).
 */
const CLIENT_FOLDER = /(?:^|[\\/])(?:assets|android|ios)[\\/]/i;

/** Whether `file` is client code or an app's manifest, shipped to every user of the app. */
export function isClientShippedFile(file: string | undefined): boolean {
  if (file === undefined) return false;
  return CLIENT_CODE_FILE.test(file) || APP_MANIFEST_FILE.test(file) || ANDROID_RESOURCE_FILE.test(file) || CLIENT_FOLDER.test(file);
}

/**
 * Words of a name that say its value is the copy made for clients (`NEW_RELIC_BROWSER_KEY`, `frontendLicenseKey`,
 * `MOBILE_APP_TOKEN`, `ANALYTICS_KEY_PUBLIC`): a project keeps one key for its server and one for its front end.
 */
const CLIENT_NAME_WORDS = new Set(['public', 'browser', 'frontend', 'client', 'js', 'javascript', 'mobile', 'ios', 'android']);

/** Whether a variable's or setting's name says its value is shipped to clients: a browser-bundled prefix, or a word for the client's copy. */
export function namesClientShippedValue(name: string): boolean {
  const words = splitWords(name);
  return hasBrowserBundledPrefix(words) || words.some((w) => CLIENT_NAME_WORDS.has(w));
}
