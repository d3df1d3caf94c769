/** An amount as the API wrote it (a decimal string), with its currency. */
export function Money({ amount, currency }: { amount: string; currency: string }) {
  return (
    <span className="money">
      {currency} {amount}
    </span>
  );
}
