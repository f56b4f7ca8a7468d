// Warta's name and mark at the top of every Admin UI page, in place of Keystone's; and the
// browser tab says "Warta" too (Keystone 8 writes "Keystone - <page>" with no option to change).
import { useEffect } from 'react'
import { Icon } from '@keystar/ui/icon'
import { newspaperIcon } from '@keystar/ui/icon/icons/newspaperIcon'
import { HStack } from '@keystar/ui/layout'
import { TextLink } from '@keystar/ui/link'
import { Heading, Text } from '@keystar/ui/typography'

const BRAND = 'Warta'

function useWartaTitle() {
  useEffect(() => {
    const rename = () => {
      const renamed = document.title.replace(/^Keystone\b/, BRAND)
      if (renamed !== document.title) document.title = renamed
    }
    rename()
    const observer = new MutationObserver(rename)
    observer.observe(document.head, { subtree: true, childList: true, characterData: true })
    return () => observer.disconnect()
  }, [])
}

export function Logo() {
  useWartaTitle()
  return (
    <Heading elementType="div" size="small">
      <TextLink href="/" aria-label={`${BRAND} newsroom: dashboard`}>
        <HStack gap="regular" alignItems="center">
          <Icon src={newspaperIcon} color="accent" size="medium" />
          <Text weight="bold" size="large">
            {BRAND}
          </Text>
          <Text color="neutralSecondary" size="small">
            newsroom
          </Text>
        </HStack>
      </TextLink>
    </Heading>
  )
}
