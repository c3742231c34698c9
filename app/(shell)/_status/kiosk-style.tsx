/** Kiosk mode for a NOC screen: no header or navigation, larger type, full width. Not hoisted, so it leaves with the page. */
export function KioskStyle() {
  return (
    <style>
      {'html { font-size: 125%; } body > header, body > a[href="#main"] { display: none; } body > main { max-width: none; }'}
    </style>
  );
}
