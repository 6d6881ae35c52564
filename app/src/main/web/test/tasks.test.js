import { describe, expect, it } from 'vitest'
import { deadlineBadge, formData, landingPage, taskQuery } from '../src/logic/tasks.js'

describe('taskQuery', () => {
  it('leaves out filters that do not narrow and keeps the page', () => {
    expect(taskQuery({ kind: '', batch: null, region: undefined, assigned: 'ANY', order: 'DUE' }, 0, 20)).toBe(
      'order=DUE&page=0&size=20'
    )
  })

  it('encodes every narrowing filter', () => {
    const query = new URLSearchParams(
      taskQuery({ kind: 'city-review', batch: 7, region: '640104', assigned: 'ME', overdue: true, order: 'CREATED' }, 2, 50)
    )
    expect(Object.fromEntries(query)).toEqual({
      kind: 'city-review',
      batch: '7',
      region: '640104',
      assigned: 'ME',
      overdue: 'true',
      order: 'CREATED',
      page: '2',
      size: '50'
    })
  })
})

describe('deadlineBadge', () => {
  it('shows overdue tasks in red with the days they are late', () => {
    expect(deadlineBadge({ daysLeft: -3, overdue: true })).toEqual({ key: 'deadline.overdue', count: 3, type: 'danger' })
  })

  it('counts a task past its due moment on its last day as one day late', () => {
    expect(deadlineBadge({ daysLeft: 0, overdue: true })).toEqual({ key: 'deadline.overdue', count: 1, type: 'danger' })
  })

  it('warns on the last day and the three before it', () => {
    expect(deadlineBadge({ daysLeft: 0, overdue: false }).key).toBe('deadline.today')
    expect(deadlineBadge({ daysLeft: 3, overdue: false })).toEqual({ key: 'deadline.left', count: 3, type: 'warning' })
    expect(deadlineBadge({ daysLeft: 4, overdue: false }).type).toBe('info')
  })

  it('says so when a task has no deadline', () => {
    expect(deadlineBadge({ daysLeft: null, overdue: false }).key).toBe('deadline.none')
  })
})

describe('formData', () => {
  it('parses each variable from its JSON text', () => {
    expect(formData({ spotId: '"PT-1"', batchId: '7', suggestion: '{"judgment":"LEGAL"}', photos: '[]' })).toEqual({
      spotId: 'PT-1',
      batchId: 7,
      suggestion: { judgment: 'LEGAL' },
      photos: []
    })
  })

  it('keeps a value that is not JSON as text', () => {
    expect(formData({ note: 'not json' })).toEqual({ note: 'not json' })
  })
})

describe('landingPage', () => {
  it('sends those who work tasks to the tasklist and overseers to the cockpit', () => {
    expect(landingPage(['COUNTY_OFFICER'])).toBe('/tasks')
    expect(landingPage(['CONTRACTOR'])).toBe('/tasks')
    expect(landingPage(['CITY_REVIEWER', 'COUNTY_OFFICER'])).toBe('/tasks')
    expect(landingPage(['PROVINCE_MANAGER'])).toBe('/cockpit')
    expect(landingPage(['ADMIN'])).toBe('/cockpit')
    expect(landingPage([])).toBe('/cockpit')
  })
})
