// The markets the demo shows: which locale and currency each one prices in,
// and a sample USD rate for converting the catalog's base prices. The rates
// are fixed sample data for a reproducible page, not market quotes.
export const BASE_CURRENCY = 'USD';

export const MARKETS = [
  { id: 'CN', name: 'China', locale: 'zh-CN', currency: 'CNY', rate: '7.1032' },
  { id: 'US', name: 'United States', locale: 'en-US', currency: 'USD', rate: '1' },
  { id: 'GB', name: 'United Kingdom', locale: 'en-GB', currency: 'GBP', rate: '0.7612' },
  { id: 'DE', name: 'Germany', locale: 'de-DE', currency: 'EUR', rate: '0.8634' },
  { id: 'FR', name: 'France', locale: 'fr-FR', currency: 'EUR', rate: '0.8634' },
  { id: 'JP', name: 'Japan', locale: 'ja-JP', currency: 'JPY', rate: '154.62' },
  { id: 'AU', name: 'Australia', locale: 'en-AU', currency: 'AUD', rate: '1.5384' },
  { id: 'SG', name: 'Singapore', locale: 'en-SG', currency: 'SGD', rate: '1.3021' },
  { id: 'BR', name: 'Brazil', locale: 'pt-BR', currency: 'BRL', rate: '5.3307' },
  { id: 'IN', name: 'India', locale: 'en-IN', currency: 'INR', rate: '88.6512' },
  { id: 'SA', name: 'Saudi Arabia', locale: 'ar-SA', currency: 'SAR', rate: '3.75' },
  { id: 'CH', name: 'Switzerland', locale: 'de-CH', currency: 'CHF', rate: '0.7985' },
  { id: 'KR', name: 'South Korea', locale: 'ko-KR', currency: 'KRW', rate: '1465.3' },
  { id: 'ID', name: 'Indonesia', locale: 'id-ID', currency: 'IDR', rate: '16712.5' },
];

// Base prices in USD minor units (cents): everyday, large (grouping), and a refund (negatives).
export const SAMPLES = [
  { id: 'tote', label: 'Canvas tote', amountMinor: 1999 },
  { id: 'lot', label: 'Wholesale lot', amountMinor: 123456789 },
  { id: 'refund', label: 'Refund', amountMinor: -500 },
];

export const DISPLAYS = [
  { id: 'symbol', label: 'Symbol', intl: 'symbol' },
  { id: 'narrow', label: 'Narrow', intl: 'narrowSymbol' },
  { id: 'code', label: 'Code', intl: 'code' },
  { id: 'name', label: 'Name', intl: 'name' },
];
