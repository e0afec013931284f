import { describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { parseNamespacedXml } from './namespacedXml';
import { parsePullMessages, parseSubscriptionReference } from './notificationMessage';

// As a camera of one large vendor writes it: topics namespace declared on the envelope as
// "tns1", schema as "tt", notification as "wsnt".
const usualReply = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"
  xmlns:tev="http://www.onvif.org/ver10/events/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tns1="http://www.onvif.org/ver10/topics">
 <env:Header/>
 <env:Body>
  <tev:PullMessagesResponse>
   <tev:CurrentTime>2026-03-01T10:00:00Z</tev:CurrentTime>
   <tev:TerminationTime>2026-03-01T10:01:00Z</tev:TerminationTime>
   <wsnt:NotificationMessage>
    <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:Device/Trigger/DigitalInput</wsnt:Topic>
    <wsnt:Message>
     <tt:Message UtcTime="2026-03-01T09:59:58.250Z" PropertyOperation="Changed">
      <tt:Source><tt:SimpleItem Name="InputToken" Value="DI_0"/></tt:Source>
      <tt:Data><tt:SimpleItem Name="LogicalState" Value="true"/></tt:Data>
     </tt:Message>
    </wsnt:Message>
   </wsnt:NotificationMessage>
   <wsnt:NotificationMessage>
    <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">tns1:RuleEngine/CellMotionDetector/Motion</wsnt:Topic>
    <wsnt:Message>
     <tt:Message UtcTime="2026-03-01T09:59:59Z" PropertyOperation="Initialized">
      <tt:Source>
       <tt:SimpleItem Name="VideoSourceConfigurationToken" Value="vsconf &amp; 1"/>
       <tt:SimpleItem Name="VideoAnalyticsConfigurationToken" Value="va1"/>
       <tt:SimpleItem Name="Rule" Value="MyMotionDetectorRule"/>
      </tt:Source>
      <tt:Data><tt:SimpleItem Name="IsMotion" Value="false"/></tt:Data>
     </tt:Message>
    </wsnt:Message>
   </wsnt:NotificationMessage>
  </tev:PullMessagesResponse>
 </env:Body>
</env:Envelope>`;

// Another firmware: every namespace under a generated prefix, the topic namespace declared on
// the Topic element itself, a vendor topic in a namespace of its own, and one message whose
// prefix is declared nowhere.
const oddReply = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope">
 <SOAP-ENV:Body>
  <ns5:PullMessagesResponse xmlns:ns5="http://www.onvif.org/ver10/events/wsdl" xmlns:ns2="http://docs.oasis-open.org/wsn/b-2">
   <ns5:CurrentTime>2026-03-01T10:00:00Z</ns5:CurrentTime>
   <ns2:NotificationMessage>
    <ns2:Topic Dialect="http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete" xmlns:evt="http://www.onvif.org/ver10/topics">evt:Device/Trigger/Relay</ns2:Topic>
    <ns2:Message><ns9:Message xmlns:ns9="http://www.onvif.org/ver10/schema" UtcTime="2026-03-01T09:59:57Z" PropertyOperation="Changed">
     <ns9:Source><ns9:SimpleItem Name="RelayToken" Value="relay1"/></ns9:Source>
     <ns9:Data><ns9:SimpleItem Name="LogicalState" Value="active"/></ns9:Data>
    </ns9:Message></ns2:Message>
   </ns2:NotificationMessage>
   <ns2:NotificationMessage>
    <ns2:Topic xmlns:tnsacme="http://www.acme.example/2019/event/topics" xmlns:t1="http://www.onvif.org/ver10/topics">t1:Device/tnsacme:IO/Port</ns2:Topic>
    <ns2:Message><ns9:Message xmlns:ns9="http://www.onvif.org/ver10/schema" UtcTime="not a time">
     <ns9:Source><ns9:SimpleItem Name="port" Value="2"/></ns9:Source>
     <ns9:Key><ns9:SimpleItem Name="channel" Value="A"/></ns9:Key>
     <ns9:Data><ns9:SimpleItem Name="state" Value="1"/><ns9:ElementItem Name="Extra"><x/></ns9:ElementItem></ns9:Data>
    </ns9:Message></ns2:Message>
   </ns2:NotificationMessage>
   <ns2:NotificationMessage>
    <ns2:Topic>tns1:VideoSource/MotionAlarm</ns2:Topic>
    <ns2:Message><ns9:Message xmlns:ns9="http://www.onvif.org/ver10/schema" PropertyOperation="Sideways">
     <ns9:Source><ns9:SimpleItem Name="Source" Value="VideoSource_1"/></ns9:Source>
     <ns9:Data><ns9:SimpleItem Name="State" Value="true"/></ns9:Data>
    </ns9:Message></ns2:Message>
   </ns2:NotificationMessage>
   <ns2:NotificationMessage><ns2:Message/></ns2:NotificationMessage>
  </ns5:PullMessagesResponse>
 </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

describe('ONVIF notification messages', () => {
  it('reads topic, time, property operation and the items of each message', () => {
    const pulled = parsePullMessages(usualReply);
    expect(pulled.currentTime).toBe(Date.UTC(2026, 2, 1, 10, 0, 0));
    expect(pulled.terminationTime).toBe(Date.UTC(2026, 2, 1, 10, 1, 0));
    expect(pulled.messages).toEqual([
      {
        topic: 'tns1:Device/Trigger/DigitalInput', utcTime: Date.UTC(2026, 2, 1, 9, 59, 58, 250), operation: 'Changed',
        source: { InputToken: 'DI_0' }, key: {}, data: { LogicalState: 'true' },
      },
      {
        topic: 'tns1:RuleEngine/CellMotionDetector/Motion', utcTime: Date.UTC(2026, 2, 1, 9, 59, 59), operation: 'Initialized',
        source: { VideoSourceConfigurationToken: 'vsconf & 1', VideoAnalyticsConfigurationToken: 'va1', Rule: 'MyMotionDetectorRule' },
        key: {}, data: { IsMotion: 'false' },
      },
    ]);
  });

  it('resolves topic prefixes by namespace, keeps vendor prefixes, and skips what it cannot read', () => {
    const pulled = parsePullMessages(oddReply);
    expect(pulled.terminationTime).toBeUndefined();
    expect(pulled.messages.map((m) => m.topic)).toEqual([
      'tns1:Device/Trigger/Relay',
      'tns1:Device/tnsacme:IO/Port',
      // "tns1" is declared nowhere in this reply: the text is kept as the device wrote it.
      'tns1:VideoSource/MotionAlarm',
    ]);
    expect(pulled.messages[0]).toMatchObject({ operation: 'Changed', source: { RelayToken: 'relay1' }, data: { LogicalState: 'active' } });
    expect(pulled.messages[1]).toEqual({ topic: 'tns1:Device/tnsacme:IO/Port', source: { port: '2' }, key: { channel: 'A' }, data: { state: '1' } });
    expect(pulled.messages[2]!.operation, 'not a property operation ONVIF defines').toBeUndefined();
  });

  it('refuses a reply that is no SOAP envelope', () => {
    for (const bad of ['', '<html><body>503</body></html>', '<env:Envelope']) {
      let error: unknown;
      try {
        parsePullMessages(bad);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_DEVICE_PROTOCOL'), bad).toBe(true);
    }
  });

  it('re-writes reference parameters as standalone header blocks', () => {
    const created = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa5="http://www.w3.org/2005/08/addressing"
      xmlns:dn="http://www.example.com/subscription" xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2">
      <s:Body><tev:CreatePullPointSubscriptionResponse xmlns:tev="http://www.onvif.org/ver10/events/wsdl">
        <tev:SubscriptionReference>
          <wsa5:Address>http://192.168.1.20/onvif/subscription?id=7</wsa5:Address>
          <wsa5:ReferenceParameters><dn:SubscriptionId kind="a&quot;b">7</dn:SubscriptionId></wsa5:ReferenceParameters>
        </tev:SubscriptionReference>
        <wsnt:CurrentTime>2026-03-01T10:00:00Z</wsnt:CurrentTime>
        <wsnt:TerminationTime>2026-03-01T10:01:00Z</wsnt:TerminationTime>
      </tev:CreatePullPointSubscriptionResponse></s:Body></s:Envelope>`;
    const ref = parseSubscriptionReference(created);
    expect(ref.address).toBe('http://192.168.1.20/onvif/subscription?id=7');
    expect(ref.terminationTime! - ref.currentTime!).toBe(60_000);
    expect(ref.headerBlocks).toHaveLength(1);
    // Standing alone, the block still says what its prefixes mean.
    const block = parseNamespacedXml(ref.headerBlocks[0]!)!;
    const id = Object.entries(block.node as Record<string, Record<string, string>>)[0]!;
    expect(id[0]).toBe('dn:SubscriptionId');
    expect(id[1]).toMatchObject({
      '#text': '7', '@_kind': 'a"b', '@_xmlns:dn': 'http://www.example.com/subscription',
      '@_njwsa:IsReferenceParameter': 'true', '@_xmlns:njwsa': 'http://www.w3.org/2005/08/addressing',
    });
    expect(() => parseSubscriptionReference(created.replace(/<wsa5:Address>.*<\/wsa5:Address>/, ''))).toThrow(/no subscription address/);
  });
});
