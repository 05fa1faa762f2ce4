// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PriceList } from '../../src/renderer/src/bench/PriceList';
import { Queue } from '../../src/renderer/src/bench/BenchQueue';
import { t } from '../../src/shared/i18n/translate';
import { renderUi } from './render';
import { signedIn } from './signed-in';

const z = (key: string) => t('zh-CN', key);
const en = (key: string) => t('en', key);

const emptyPriceList: [readonly unknown[], unknown] = [['priceList.list', { includeInactive: true }], []];

describe('an empty list says what to do, and who can', () => {
  it('an empty price list tells a counter clerk that only a manager or the admin adds items, with no form to fill', () => {
    renderUi(signedIn('counter', false, <PriceList />), { cache: [emptyPriceList] });
    expect(screen.getByTestId('price-list-empty').textContent).toContain(z('ui.bench.price.empty'));
    expect(screen.getByTestId('empty-next').textContent).toBe('只有店长或管理员可以添加收费项目，请联系店长。');
    expect(screen.queryByText(z('ui.bench.price.add'))).toBeNull();
  });

  it('a manager of a shop not enrolled is sent from the bench to the one place where prices are kept', async () => {
    renderUi(signedIn('manager', false, <PriceList />), { cache: [emptyPriceList], locale: 'en' });
    expect(screen.queryByText(en('ui.bench.price.add'))).toBeNull();
    await userEvent.click(screen.getByTestId('empty-action'));
    expect(screen.getByTestId('where').textContent).toBe('/settings/catalog/prices');
  });

  it('an enrolled shop\'s empty price list waits for head office, for everyone', () => {
    renderUi(signedIn('admin', true, <PriceList />), { cache: [emptyPriceList] });
    expect(screen.getByTestId('empty-next').textContent).toBe('价目表由总部下发，下次同步后出现。');
  });

  it('a technician with an empty queue of their own is offered the unassigned tickets, one click away', async () => {
    renderUi(signedIn('technician', false, <Queue who="mine" selected={null} onSelect={() => {}} onScan={() => {}} />), {
      cache: [[['bench.queue', { who: 'me' }], []]],
    });
    expect(screen.getByTestId('bench-queue-empty').textContent).toContain('没有分给你的工单');
    await userEvent.click(screen.getByTestId('empty-action'));
    expect(screen.getByTestId('where').textContent).toBe('/bench/queue/unassigned');
  });
});
