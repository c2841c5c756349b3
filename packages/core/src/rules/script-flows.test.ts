import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The text of every finding of `rule` in `text` (as `file`). */
function found(text: string, file: string, rule: string): string[] {
  return detect(text, { file })
    .filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));
}

describe('a PowerShell variable bound to a literal and handed on to where only a secret goes', () => {
  it('reads the literal of a variable made into a SecureString from plain text, on the next line or further down', () => {
    const script = ["$initial = 'Harbour#Lamp-52'", '$other = 3', "Write-Host 'creating'", '$s = ConvertTo-SecureString -String $initial -AsPlainText -Force', ''].join('\n');
    expect(found(script, 'kiosk.ps1', 'powershell-variable-secret')).toEqual(['Harbour#Lamp-52']);
    const indented = ['if ($reset) {', '    $tmp = "Skerry.Pier-0811"', '    $sec = ConvertTo-SecureString $tmp -AsPlainText -Force', '}', ''].join('\n');
    expect(found(indented, 'reset.ps1', 'powershell-variable-secret')).toEqual(['Skerry.Pier-0811']);
  });

  it("reads the literal of a variable written as a Wi-Fi profile's key", () => {
    const script = ["$ssid = 'Pier-Staff'", "$w = 'gull-harbour-7710'", '$xml = @"', '<WLANProfile><name>$ssid</name>', '<sharedKey><keyType>passPhrase</keyType><protected>false</protected><keyMaterial>$w</keyMaterial></sharedKey>', '</WLANProfile>', '"@', ''].join('\n');
    expect(found(script, 'wifi.ps1', 'powershell-variable-secret')).toEqual(['gull-harbour-7710']);
  });

  it('leaves variables read from a prompt or the environment, bound again since, stand-ins, and encrypted strings', () => {
    const prompted = ["$plain = 'Harbour#Lamp-52'", '$plain = Read-Host -Prompt "Password"', '$s = ConvertTo-SecureString $plain -AsPlainText -Force', ''].join('\n');
    expect(found(prompted, 'kiosk.ps1', 'powershell-variable-secret')).toEqual([]);
    expect(found("$plain = 'changeme'\n$s = ConvertTo-SecureString $plain -AsPlainText -Force\n", 'kiosk.ps1', 'powershell-variable-secret')).toEqual([]);
    expect(found("$enc = '76492d1116743f0423413b16050a5345MgB8'\n$s = ConvertTo-SecureString $enc -Key $aesKey\n", 'kiosk.ps1', 'powershell-variable-secret')).toEqual([]);
    expect(found('$psk = $env:SITE_PSK\n<keyMaterial>$psk</keyMaterial>\n', 'wifi.ps1', 'powershell-variable-secret')).toEqual([]);
    expect(found("$pskName = 'Harbour#Lamp-52'\n<keyMaterial>$psk</keyMaterial>\n", 'wifi.ps1', 'powershell-variable-secret')).toEqual([]);
  });

  it("reads the literal of a variable handed to a parameter or a hashtable key named for a password, whatever the variable's name", () => {
    const graph = ['$start = "Pilotage7731."   # the new starter must change it', 'New-MgUser -DisplayName $n -PasswordProfile @{ Password = $start; ForceChangePasswordNextSignIn = $true }', ''].join('\n');
    expect(found(graph, 'New-Starter.ps1', 'powershell-variable-secret')).toEqual(['Pilotage7731.']);
    const ad = ["$t = 'Quayside-Gull-48'", 'Set-ADAccountPassword -Identity $sam -Reset -NewPassword:$t', ''].join('\n');
    expect(found(ad, 'reset.ps1', 'powershell-variable-secret')).toEqual(['Quayside-Gull-48']);
  });

  it("leaves a password's parameter given a prompt's variable, a word before a variable in a comment, and another setting's name", () => {
    const prompted = ["$pw = Read-Host -Prompt 'New password'", 'Set-LocalUser -Name kiosk -Password $pw', ''].join('\n');
    expect(found(prompted, 'kiosk.ps1', 'powershell-variable-secret')).toEqual([]);
    const comment = ["$ref = 'Quayside-Gull-48'", '# the password $ref is the ticket title, not the password', ''].join('\n');
    expect(found(comment, 'kiosk.ps1', 'powershell-variable-secret')).toEqual([]);
    const length = ["$len = '16'", '$policy = @{ MinPasswordLength = $len }', ''].join('\n');
    expect(found(length, 'policy.ps1', 'powershell-variable-secret')).toEqual([]);
  });
});

describe('a password in a run of a script that its own text records, where its usage line names a password', () => {
  it("reads the argument at the password's place in a run noted in a comment", () => {
    const script = ['#!/usr/bin/env bash', '# Usage: reset-kiosk.sh <host> <new-password>', 'set -eu', 'HOST="$1"; PW="$2"', '# done 2024-11-02: ./reset-kiosk.sh kiosk-03 "Pelican-Dock-551"', ''].join('\n');
    expect(found(script, 'ops/reset-kiosk.sh', 'script-usage-argument')).toEqual(['Pelican-Dock-551']);
    const dollarZero = ['#!/bin/sh', 'echo "usage: $0 NEWPASS" >&2', "# last run: set-vnc.sh Kelp.Forest-93", ''].join('\n');
    expect(found(dollarZero, 'set-vnc.sh', 'script-usage-argument')).toEqual(['Kelp.Forest-93']);
  });

  it("leaves runs given variables or stand-ins, usage lines naming no password or another script, and documents", () => {
    const variable = ['# usage: reset-kiosk.sh HOST NEWPASS', 'reset-kiosk.sh kiosk-03 "$NEWPASS"', 'reset-kiosk.sh kiosk-03 <new-password>', ''].join('\n');
    expect(found(variable, 'reset-kiosk.sh', 'script-usage-argument')).toEqual([]);
    expect(found('# usage: reset-kiosk.sh HOST PORT\n# ran: reset-kiosk.sh kiosk-03 Pelican-Dock-551\n', 'reset-kiosk.sh', 'script-usage-argument')).toEqual([]);
    expect(found('# usage: other.sh NEWPASS\n# ran: reset-kiosk.sh Pelican-Dock-551\n', 'reset-kiosk.sh', 'script-usage-argument')).toEqual([]);
    expect(found('Usage: reset-kiosk.sh NEWPASS\n\nreset-kiosk.sh Pelican-Dock-551\n', 'docs/kiosks.md', 'script-usage-argument')).toEqual([]);
  });
});

describe('the first password of accounts that must change it at the first sign-in', () => {
  it('reads a first password that opens with "change me" but goes on with words and digits of its own', () => {
    const graph = "$pp = @{ Password = 'ChangeMe-Quayside-3318'; ForceChangePasswordNextSignIn = $true }\nNew-MgUser -PasswordProfile $pp\n";
    expect(found(graph, 'new-user.ps1', 'forced-change-first-password')).toEqual(['ChangeMe-Quayside-3318']);
    const ad = 'New-ADUser -Name $n `\n  -AccountPassword (ConvertTo-SecureString "change_me.Breakwater71" -AsPlainText -Force) `\n  -ChangePasswordAtLogon $true\n';
    expect(found(ad, 'onboard.ps1', 'forced-change-first-password')).toEqual(['change_me.Breakwater71']);
    const json = '{"accountEnabled": true, "passwordProfile": {"password": "Changeme!Seawall2024", "forceChangePasswordNextSignIn": true}}';
    expect(found(json, 'graph/new-user.json', 'forced-change-first-password')).toEqual(['Changeme!Seawall2024']);
  });

  it('leaves bare or numbered "change me", stand-ins after it, lookups, and the same values without the flag', () => {
    for (const value of ['ChangeMe', 'ChangeMe123!', 'change-me-please', 'ChangeMe-<surname>', 'changeme-dev-only-1']) {
      expect(found(`$pp = @{ Password = '${value}'; ForceChangePasswordNextSignIn = $true }\n`, 'new-user.ps1', 'forced-change-first-password'), value).toEqual([]);
    }
    expect(found('$pp = @{ Password = $initial; ForceChangePasswordNextSignIn = $true }\n', 'new-user.ps1', 'forced-change-first-password')).toEqual([]);
    expect(detect("const fallback = { password: 'ChangeMe-Quayside-3318' };\n", { file: 'seed.ts' }).map((f) => f.rule)).toEqual([]);
  });
});
