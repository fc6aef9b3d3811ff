# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_SyncImportDialog(object):
    def setupUi(self, SyncImportDialog):
        if not SyncImportDialog.objectName():
            SyncImportDialog.setObjectName(u"SyncImportDialog")
        SyncImportDialog.resize(760, 560)
        self.main_layout = QVBoxLayout(SyncImportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SyncImportDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.file_layout = QHBoxLayout()
        self.file_layout.setObjectName(u"file_layout")
        self.file_caption = QLabel(SyncImportDialog)
        self.file_caption.setObjectName(u"file_caption")

        self.file_layout.addWidget(self.file_caption)

        self.file_edit = QLineEdit(SyncImportDialog)
        self.file_edit.setObjectName(u"file_edit")

        self.file_layout.addWidget(self.file_edit)

        self.browse_button = QPushButton(SyncImportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.file_layout.addWidget(self.browse_button)


        self.main_layout.addLayout(self.file_layout)

        self.preview_layout = QHBoxLayout()
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_layout.addItem(self.preview_spacer)

        self.preview_button = QPushButton(SyncImportDialog)
        self.preview_button.setObjectName(u"preview_button")

        self.preview_layout.addWidget(self.preview_button)


        self.main_layout.addLayout(self.preview_layout)

        self.result_view = QTextBrowser(SyncImportDialog)
        self.result_view.setObjectName(u"result_view")
        self.result_view.setOpenLinks(False)

        self.main_layout.addWidget(self.result_view)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.import_button = QPushButton(SyncImportDialog)
        self.import_button.setObjectName(u"import_button")

        self.buttons_layout.addWidget(self.import_button)

        self.buttons_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.button_box = QDialogButtonBox(SyncImportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.file_caption.setBuddy(self.file_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.file_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.preview_button)
        QWidget.setTabOrder(self.preview_button, self.result_view)
        QWidget.setTabOrder(self.result_view, self.import_button)

        self.retranslateUi(SyncImportDialog)

        self.preview_button.setDefault(True)

    # setupUi

    def retranslateUi(self, SyncImportDialog):
        SyncImportDialog.setWindowTitle(QCoreApplication.translate("SyncImportDialog", u"Nh\u1eadp d\u1eef li\u1ec7u t\u1eeb USB", None))
        self.intro_label.setText(QCoreApplication.translate("SyncImportDialog", u"Ch\u1ecdn g\u00f3i d\u1eef li\u1ec7u (.hcb) nh\u1eadn t\u1eeb huy\u1ec7n ho\u1eb7c x\u00e3. Ph\u1ea7n m\u1ec1m ki\u1ec3m tra g\u00f3i (\u0111\u00fang m\u1ea1ng, \u0111\u00fang ch\u1eef k\u00fd, kh\u00f4ng h\u1ecfng), cho xem tr\u01b0\u1edbc nh\u1eefng g\u00ec s\u1ebd thay \u0111\u1ed5i, v\u00e0 ch\u1ec9 nh\u1eadp khi b\u1ea1n b\u1ea5m \u201cNh\u1eadp d\u1eef li\u1ec7u\u201d. Nh\u1eadp m\u1ed9t g\u00f3i hai l\u1ea7n kh\u00f4ng l\u00e0m thay \u0111\u1ed5i g\u00ec.", None))
        self.file_caption.setText(QCoreApplication.translate("SyncImportDialog", u"&G\u00f3i d\u1eef li\u1ec7u:", None))
        self.file_edit.setPlaceholderText(QCoreApplication.translate("SyncImportDialog", u"\u0110\u01b0\u1eddng d\u1eabn t\u1edbi t\u1ec7p .hcb tr\u00ean USB", None))
        self.browse_button.setText(QCoreApplication.translate("SyncImportDialog", u"&Ch\u1ecdn t\u1ec7p\u2026", None))
        self.preview_button.setText(QCoreApplication.translate("SyncImportDialog", u"&Ki\u1ec3m tra v\u00e0 xem tr\u01b0\u1edbc", None))
#if QT_CONFIG(tooltip)
        self.import_button.setToolTip(QCoreApplication.translate("SyncImportDialog", u"Nh\u1eadp g\u00f3i \u0111\u00e3 xem tr\u01b0\u1edbc v\u00e0o c\u01a1 s\u1edf d\u1eef li\u1ec7u (m\u1ed9t giao d\u1ecbch; c\u00f3 b\u1ea3n sao l\u01b0u tr\u01b0\u1edbc khi nh\u1eadp)", None))
#endif // QT_CONFIG(tooltip)
        self.import_button.setText(QCoreApplication.translate("SyncImportDialog", u"&Nh\u1eadp d\u1eef li\u1ec7u", None))
    # retranslateUi

