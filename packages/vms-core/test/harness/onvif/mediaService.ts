/** The simulated ONVIF Media service (ver10): profiles, video and audio sources, audio outputs, metadata configurations, stream and snapshot URIs. */
import { child, escapeXml, invalidArgument, text } from './soapXml';
import { videoSources } from './simulatorConfig';
import type { SimulatedProfile } from './simulatorConfig';
import type { OperationResult, ServiceContext } from './deviceService';
import { ptzConfigurationXml } from './ptzService';

export function handleMediaOperation(
  name: string,
  payload: unknown,
  ctx: ServiceContext,
): OperationResult | undefined {
  const { config } = ctx;
  switch (name) {
    case 'GetProfiles':
      return {
        body: `<trt:GetProfilesResponse>${config.profiles.map((p) => profileXml(p, 'trt:Profiles', ctx)).join('')}</trt:GetProfilesResponse>`,
      };
    case 'GetVideoSources':
      return {
        body:
          `<trt:GetVideoSourcesResponse>` +
          videoSources(config)
            .map(
              (s) =>
                `<trt:VideoSources token="${escapeXml(s.token)}"><tt:Framerate>${s.fps}</tt:Framerate>` +
                `<tt:Resolution><tt:Width>${s.width}</tt:Width><tt:Height>${s.height}</tt:Height></tt:Resolution>` +
                `</trt:VideoSources>`,
            )
            .join('') +
          `</trt:GetVideoSourcesResponse>`,
      };
    case 'GetVideoSourceConfigurations':
      // The same tokens the profiles carry ("vsc_" + source): motion events name a configuration.
      return {
        body:
          `<trt:GetVideoSourceConfigurationsResponse>` +
          videoSources(config)
            .map((s) => `<trt:Configurations token="vsc_${escapeXml(s.token)}"><tt:Name>${escapeXml(s.token)}</tt:Name><tt:UseCount>1</tt:UseCount>` +
              `<tt:SourceToken>${escapeXml(s.token)}</tt:SourceToken><tt:Bounds x="0" y="0" width="${s.width}" height="${s.height}"/></trt:Configurations>`)
            .join('') +
          `</trt:GetVideoSourceConfigurationsResponse>`,
      };
    case 'GetAudioSources':
      return {
        body: `<trt:GetAudioSourcesResponse>${config.audioSources.map((a) => `<trt:AudioSources token="${escapeXml(a.token)}"><tt:Channels>1</tt:Channels></trt:AudioSources>`).join('')}</trt:GetAudioSourcesResponse>`,
      };
    case 'GetAudioOutputs':
      return {
        body: `<trt:GetAudioOutputsResponse>${config.audioOutputs.map((a) => `<trt:AudioOutputs token="${escapeXml(a.token)}"/>`).join('')}</trt:GetAudioOutputsResponse>`,
      };
    case 'GetMetadataConfigurations':
      return {
        body:
          `<trt:GetMetadataConfigurationsResponse>` +
          config.metadataConfigurations
            .map((m) => `<trt:Configurations token="${escapeXml(m.token)}"><tt:Name>${escapeXml(m.name)}</tt:Name><tt:UseCount>1</tt:UseCount>` +
              `<tt:Analytics>true</tt:Analytics><tt:SessionTimeout>PT60S</tt:SessionTimeout></trt:Configurations>`)
            .join('') +
          `</trt:GetMetadataConfigurationsResponse>`,
      };
    case 'GetStreamUri': {
      const profile = findProfile(payload, ctx);
      if (!profile) return invalidArgument('ter:NoProfile', 'No such profile');
      const setup = child(payload, 'StreamSetup');
      const stream = text(child(setup, 'Stream'));
      const protocol = text(child(child(setup, 'Transport'), 'Protocol'));
      if (stream !== 'RTP-Unicast' || (protocol !== 'RTSP' && protocol !== 'TCP' && protocol !== 'UDP')) {
        return invalidArgument('ter:InvalidStreamSetup', 'Only RTP-Unicast over RTSP is supported');
      }
      return { body: mediaUriResponse('GetStreamUriResponse', streamUri(profile, ctx)) };
    }
    case 'GetSnapshotUri': {
      const profile = findProfile(payload, ctx);
      if (!profile) return invalidArgument('ter:NoProfile', 'No such profile');
      const uri = `${ctx.httpBase}/onvif/snapshot?token=${encodeURIComponent(profile.token)}`;
      return { body: mediaUriResponse('GetSnapshotUriResponse', uri) };
    }
    default:
      return undefined;
  }
}

function findProfile(payload: unknown, ctx: ServiceContext): SimulatedProfile | undefined {
  const token = text(child(payload, 'ProfileToken'));
  return ctx.config.profiles.find((p) => p.token === token);
}

function streamUri(profile: SimulatedProfile, ctx: ServiceContext): string {
  if (!ctx.config.embedCredentialsInStreamUri) return profile.rtspUrl;
  const url = new URL(profile.rtspUrl);
  url.username = ctx.config.username;
  url.password = ctx.config.password;
  return url.toString();
}

function mediaUriResponse(element: string, uri: string): string {
  return (
    `<trt:${element}><trt:MediaUri><tt:Uri>${escapeXml(uri)}</tt:Uri>` +
    `<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>` +
    `<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout>` +
    `</trt:MediaUri></trt:${element}>`
  );
}

function profileXml(p: Required<SimulatedProfile>, element: string, ctx: ServiceContext): string {
  // Media ver10 only defines JPEG/MPEG4/H264; H.265 cameras that still speak Media1 report
  // "H265" here anyway, which is what clients meet in the field.
  const codecSettings =
    p.encoding === 'H264'
      ? `<tt:H264><tt:GovLength>${p.fps * 2}</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>`
      : '';
  return (
    `<${element} token="${escapeXml(p.token)}" fixed="true"><tt:Name>${escapeXml(p.name)}</tt:Name>` +
    `<tt:VideoSourceConfiguration token="vsc_${escapeXml(p.videoSourceToken)}">` +
    `<tt:Name>${escapeXml(p.videoSourceToken)}</tt:Name><tt:UseCount>1</tt:UseCount>` +
    `<tt:SourceToken>${escapeXml(p.videoSourceToken)}</tt:SourceToken>` +
    `<tt:Bounds x="0" y="0" width="${p.width}" height="${p.height}"/></tt:VideoSourceConfiguration>` +
    `<tt:VideoEncoderConfiguration token="vec_${escapeXml(p.token)}">` +
    `<tt:Name>${escapeXml(p.name)}</tt:Name><tt:UseCount>1</tt:UseCount>` +
    `<tt:Encoding>${p.encoding}</tt:Encoding>` +
    `<tt:Resolution><tt:Width>${p.width}</tt:Width><tt:Height>${p.height}</tt:Height></tt:Resolution>` +
    `<tt:Quality>5</tt:Quality>` +
    `<tt:RateControl><tt:FrameRateLimit>${p.fps}</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>` +
    `<tt:BitrateLimit>4096</tt:BitrateLimit></tt:RateControl>${codecSettings}` +
    `<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address>` +
    `<tt:Port>0</tt:Port><tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>` +
    `<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>` +
    ptzConfigurationXml(ctx, p.token) +
    `</${element}>`
  );
}
