import { describe, expect, it } from 'vitest';
import { choosePlayerKind, jsmpegUrlFor, toWebSocketUrl } from './streamUrls';

describe('stream URLs', () => {
  it('turns site-relative media paths into ws:/wss: URLs on the page origin', () => {
    expect(toWebSocketUrl('/media/cameras/c1/live.mp4?token=t', 'http://127.0.0.1:8080/view')).toBe('ws://127.0.0.1:8080/media/cameras/c1/live.mp4?token=t');
    expect(toWebSocketUrl('/media/x', 'https://vms.example/')).toBe('wss://vms.example/media/x');
    expect(toWebSocketUrl('wss://other/media/x', 'http://a/')).toBe('wss://other/media/x');
  });

  it('asks jsmpeg for the tile width, never wider than the camera', () => {
    const stream = { jsmpegUrl: '/media/cameras/c1/jsmpeg?stream=main&token=t', width: 1280 };
    expect(jsmpegUrlFor(stream, 480.4, 'http://h/')).toBe('ws://h/media/cameras/c1/jsmpeg?stream=main&token=t&width=480');
    expect(new URL(jsmpegUrlFor(stream, 4000, 'http://h/')).searchParams.get('width')).toBe('1280');
  });

  it('follows the recommendation, falling back to jsmpeg without MSE', () => {
    expect(choosePlayerKind({ recommended: 'mse' }, true)).toBe('mse');
    expect(choosePlayerKind({ recommended: 'mse' }, false)).toBe('jsmpeg');
    expect(choosePlayerKind({ recommended: 'jsmpeg' }, true)).toBe('jsmpeg');
  });
});
