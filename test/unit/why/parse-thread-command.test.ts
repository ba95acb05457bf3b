import { describe, expect, it } from 'vitest';
import {
  editText,
  isConfirmWord,
  parseThreadCommand,
} from '../../../src/core/why/parse-thread-command.js';
import { parseWhyActionValue } from '../../../src/core/why/why-actions.js';

describe('parseThreadCommand', () => {
  it.each([
    ['status', { kind: 'status' }],
    ['  Cancel. ', { kind: 'cancel' }],
    ['BACK', { kind: 'back' }],
    ['note: call the courier', { kind: 'note', text: 'call the courier' }],
    ['note the March change', { kind: 'note', text: 'the March change' }],
    ['note', { kind: 'note', text: '' }],
    ['branch', { kind: 'branch', fromWhy: null }],
    ['branch 2', { kind: 'branch', fromWhy: 2 }],
    ['branch from why 3', { kind: 'branch', fromWhy: 3 }],
    ['root cause: no owner', { kind: 'root-cause', text: 'no owner' }],
    ['Root-cause — no owner', { kind: 'root-cause', text: 'no owner' }],
    ['root cause', { kind: 'root-cause', text: '' }],
  ])('reads %j', (text, expected) => {
    expect(parseThreadCommand(text)).toEqual(expected);
  });

  it.each([
    'backlog is too long',
    'we went back and forth',
    'notes are missing',
    'branch offices ship late',
    'the root cause is unclear',
    'status reports are late',
  ])('leaves the answer %j alone', (text) => {
    expect(parseThreadCommand(text)).toBeNull();
  });

  it('reads confirm and edit words', () => {
    expect(['confirm', 'Yes!', 'ok', '👍'].every(isConfirmWord)).toBe(true);
    expect(isConfirmWord('yes but')).toBe(false);
    expect(editText('edit')).toBe('');
    expect(editText('edit: No owner')).toBe('No owner');
    expect(editText('editors are slow')).toBeNull();
  });

  it('reads button values, rejecting unknown steps', () => {
    expect(parseWhyActionValue('s|1|plan-level|resolve')).toEqual({
      sessionId: 's|1',
      step: 'plan-level',
      choice: 'resolve',
    });
    expect(parseWhyActionValue('s1|nope|x')).toBeNull();
    expect(parseWhyActionValue('garbage')).toBeNull();
  });
});
