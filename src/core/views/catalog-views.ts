// Lists of themes, key drivers and customers.
import type { Customer, KeyDriver, Theme } from '../domain/types.js';
import type { MessageView } from './message-view.js';
import { formatMoney } from './format.js';
import { context, header, text, view } from './view-helpers.js';

export const themeListView = (themes: Theme[], drivers: KeyDriver[]): MessageView => {
  if (themes.length === 0)
    return view('No themes yet.', [
      text('No themes yet. Log an issue with a #theme, or add one with `/cx theme add #slug`.'),
    ]);
  const driverName = new Map(drivers.map((d) => [d.id, d.name]));
  return view(`${themes.length} themes`, [
    header('Themes'),
    {
      type: 'table',
      columns: [
        { key: 'theme', label: 'Theme' },
        { key: 'name', label: 'Name' },
        { key: 'driver', label: 'Key driver' },
      ],
      rows: themes.map((t) => ({
        theme: `#${t.slug}`,
        name: t.name,
        driver: t.keyDriverId ? (driverName.get(t.keyDriverId) ?? '—') : '—',
      })),
    },
  ]);
};

export const driverListView = (drivers: KeyDriver[]): MessageView => {
  if (drivers.length === 0)
    return view('No key drivers yet.', [
      text('No key drivers yet. Add one with `/cx driver add "Delivery"`.'),
    ]);
  return view(`${drivers.length} key drivers`, [
    header('Key drivers'),
    text(drivers.map((d) => `• ${d.name}`).join('\n')),
  ]);
};

export const customerListView = (customers: Customer[]): MessageView => {
  if (customers.length === 0)
    return view('No customers yet.', [
      text(
        'No customers yet. Add one with `/cx customer add "Acme" revenue:120000 core-growth:yes`.',
      ),
    ]);
  return view(`${customers.length} customers`, [
    header('Customers'),
    {
      type: 'table',
      columns: [
        { key: 'name', label: 'Customer' },
        { key: 'revenue', label: 'Annual revenue', align: 'right' },
        { key: 'core', label: 'Core growth' },
      ],
      rows: customers.map((c) => ({
        name: c.name,
        revenue: c.annualRevenueCents === null ? '—' : formatMoney(c.annualRevenueCents),
        core: c.coreGrowth ? 'yes' : 'no',
      })),
    },
    context('Core-growth customers are reported separately in `/cx-drivers`.'),
  ]);
};
