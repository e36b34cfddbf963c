export async function pay(amount: number) {
  const res = await fetch('https://api.gateway.accelebit.com/v1/payments', {
    method: 'POST',
    headers: { 'X-API-Key': process.env.ACCELEBIT_SECRET_KEY!, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount }),
  });
  return res.json();
}
