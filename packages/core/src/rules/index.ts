import type { Rule } from '../types.js';
import { accountFileRules } from './account-files.js';
import { basicBuiltRules } from './basic-built.js';
import { byteArrayRules } from './byte-arrays.js';
import { commandOperandRules } from './command-operands.js';
import { connectionRules } from './connection.js';
import { cryptoWalletRules } from './crypto-wallets.js';
import { ediRules } from './edi.js';
import { ezproxyRules } from './ezproxy.js';
import { fixProtocolRules } from './fix-protocol.js';
import { formatArgumentRules } from './format-arguments.js';
import { formFillRules } from './form-fills.js';
import { ftpScriptRules } from './ftp-scripts.js';
import { genericRules } from './generic.js';
import { httpToolRules } from './http-tools.js';
import { kconfigRules } from './kconfig.js';
import { markdownRules } from './markdown.js';
import { networkRules } from './network.js';
import { networkDeviceRules } from './network-devices.js';
import { paymentKeyRules } from './payment-keys.js';
import { appServerRules } from './app-servers.js';
import { declarationRules } from './declarations.js';
import { defaultLoginRules } from './default-logins.js';
import { decodedLiteralRules } from './decoded-literals.js';
import { voipRules } from './voip.js';
import { oracleWalletRules } from './oracle-wallet.js';
import { phpSerializedRules } from './php-serialized.js';
import { positionalRules } from './positional.js';
import { privateKeyRules } from './private-key.js';
import { promptReplyRules } from './prompt-replies.js';
import { scriptFlowRules } from './script-flows.js';
import { secretGetterRules } from './secret-getters.js';
import { providerRules } from './providers/index.js';
import { settingsFieldRules } from './settings-fields.js';
import { smtpRules } from './smtp.js';
import { shellWriteRules } from './shell-writes.js';
import { snmpRules } from './snmp.js';
import { splitTokenRules } from './split-tokens.js';
import { statedCredentialRules } from './stated-credentials.js';
import { liveKeyRules } from './live-keys.js';
import { goStructLiteralRules } from './go-struct-literals.js';
import { structuredRules } from './structured.js';
import { tabularRules } from './tabular.js';
import { templateDefaultRules } from './template-defaults.js';
import { tokenRules } from './tokens.js';
import { toolFlagRules } from './tool-flags.js';
import { userListRules } from './user-lists.js';
import { windowsFormatRules } from './windows-formats.js';

/**
 * Every built-in rule family except the network rules, which depend on the user's
 * declared internal domains. Order does not matter: overlaps are resolved by the engine.
 */
const fixedRules: readonly Rule[] = [...providerRules, ...privateKeyRules, ...tokenRules, ...connectionRules, ...genericRules, ...httpToolRules, ...positionalRules, ...structuredRules, ...markdownRules, ...tabularRules, ...accountFileRules, ...byteArrayRules, ...decodedLiteralRules, ...basicBuiltRules, ...formatArgumentRules, ...userListRules, ...smtpRules, ...phpSerializedRules, ...snmpRules, ...windowsFormatRules, ...networkDeviceRules, ...paymentKeyRules, ...appServerRules, ...commandOperandRules, ...declarationRules, ...voipRules, ...oracleWalletRules, ...kconfigRules, ...ediRules, ...ezproxyRules, ...fixProtocolRules, ...settingsFieldRules, ...ftpScriptRules, ...shellWriteRules, ...toolFlagRules, ...secretGetterRules, ...templateDefaultRules, ...formFillRules, ...splitTokenRules, ...liveKeyRules, ...goStructLiteralRules, ...cryptoWalletRules, ...statedCredentialRules, ...promptReplyRules, ...scriptFlowRules, ...defaultLoginRules];

/** The built-in rules for a given set of declared internal domains. */
export function builtinRulesFor(internalDomains: readonly string[] = []): Rule[] {
  return [...fixedRules, ...networkRules(internalDomains)];
}

/** Every built-in rule (no declared internal domains). */
export const builtinRules: readonly Rule[] = builtinRulesFor();
