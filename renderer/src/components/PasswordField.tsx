/**
 * A labelled password input, as sign-in, unlock, adoption, export and the users page ask
 * for one: `isNew` for a password being chosen (browsers then offer to generate one).
 */
export function PasswordField(props: {
  label: string
  value: string
  onChange(value: string): void
  testId?: string
  isNew?: boolean
  autoFocus?: boolean
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        type="password"
        autoComplete={props.isNew ? 'new-password' : 'current-password'}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}
