import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

const values = (text: string, file: string): string[] => detect(text, { file }).map((f) => text.slice(f.start, f.end));

describe('passwords in FIX messages', () => {
  it('finds Password and NewPassword in a logged Logon, whichever way SOH is printed', () => {
    const log = [
      '2025-02-11T08:00:00.101Z INFO  quickfix.Session  Initiating logon to VENUE',
      '2025-02-11T08:00:00.117Z DEBUG quickfix.Session  OUT 8=FIX.4.4|9=118|35=A|34=1|49=ORCA_OMS|56=VENUE|553=ORCA_DESK|554=Tz4!vQp9Lm#2Ws|925=Nb7$kR2xWq5Ze|98=0|108=30|10=114|',
      '2025-02-11T08:00:00.131Z DEBUG quickfix.Session  OUT 8=FIXT.1.1^A9=90^A35=A^A49=ORCA_OMS^A56=XCH^A554=Hq8mP3vX2kLr^A1137=9^A10=201^A',
      '8=FIX.4.2\x019=70\x0135=A\x0149=ORCA\x0156=VENUE\x0196=Lw5Pq9zR2tKx7VbN3mYc\x0198=0\x0110=033\x01',
    ].join('\n');
    expect(values(log, 'logs/gateway.log')).toEqual(['Tz4!vQp9Lm#2Ws', 'Nb7$kR2xWq5Ze', 'Hq8mP3vX2kLr', 'Lw5Pq9zR2tKx7VbN3mYc']);
  });

  it('leaves masked passwords, RawData outside a Logon and tags outside a FIX message alone', () => {
    const log = [
      'OUT 8=FIX.4.4|9=118|35=A|49=ORCA_OMS|56=VENUE|553=ORCA_DESK|554=********|98=0|108=30|10=114|',
      'OUT 8=FIX.4.4|9=118|35=A|49=ORCA_OMS|56=VENUE|553=ORCA_DESK|554=<password>|98=0|108=30|10=114|',
      'OUT 8=FIX.4.4|9=140|35=D|49=ORCA_OMS|56=VENUE|11=C7Kq2Lm9xP|96=Lw5Pq9zR2tKx7VbN3mYc|55=MSFT|54=1|10=090|',
      'metrics 554=Tz4!vQp9Lm#2Ws 925=Nb7$kR2xWq5Ze',
      'OUT 18=FIX.4.4|554=Tz4!vQp9Lm#2Ws|',
    ].join('\n');
    expect(values(log, 'logs/gateway.log')).toEqual([]);
  });
});

describe("a FIX session's RawData setting", () => {
  it('finds RawData in a QuickFIX session block and under a fix.session key', () => {
    const cfg = '[SESSION]\nBeginString=FIX.4.4\nSenderCompID=ORCA\nTargetCompID=VENUE\nRawData=Xr7Kp2mQ9vLw4NzB\n';
    expect(values(cfg, 'config/quickfix.cfg')).toEqual(['Xr7Kp2mQ9vLw4NzB']);
    const props = 'fix.session.sendercompid=ORCA\nfix.session.logon.rawdata=Xr7Kp2mQ9vLw4NzB/e+5\n';
    expect(values(props, 'config/gateway.properties')).toEqual(['Xr7Kp2mQ9vLw4NzB/e+5']);
  });

  it('leaves RawData outside a FIX session, and a reference to the value, alone', () => {
    expect(values('[capture]\nRawData=Xr7Kp2mQ9vLw4NzB\n', 'config/sensor.ini')).toEqual([]);
    expect(values('telemetry.rawdata=Xr7Kp2mQ9vLw4NzB\n', 'config/app.properties')).toEqual([]);
    expect(values('fix.session.logon.rawdata=${FIX_LOGON_RAWDATA}\n', 'config/gateway.properties')).toEqual([]);
  });
});
